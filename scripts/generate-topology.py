#!/usr/bin/env python3
"""Writes a generated topology in vpcgraph's YAML format: N VPCs in one region, each with
3 AZs x 4 subnets (public, private, data, endpoints), an internet gateway, a NAT gateway per AZ,
route tables, an S3 gateway endpoint and two interface endpoints. Deterministic for a given N.

Usage: generate-topology.py N [REGIONS]
With REGIONS (1-3), the N VPCs are spread over that many regions, neighbours in a region are
peered, and each region has a transit gateway attached to its VPCs and peered with the previous
region's (what `make asan` renders: an overview full of labelled peering edges).
With --rich (one region), each VPC has 4 interface endpoints and 2 gateway endpoints (S3, DynamoDB):
the account the per-VPC layout tests measure."""
import sys


def hexid(prefix, *numbers):
    value = 0
    for n in numbers:
        value = value * 1009 + n + 1
    return f"{prefix}-{value * 2654435761 % (16 ** 17):017x}"


def generate(count, region="eu-west-1", first=0, header=True, rich=False):
    out = [f"title: Generated topology with {count} VPCs", "regions:"] if header else []
    out += [f"  {region}:", "    vpcs:"]
    zones = [f"{region}{z}" for z in "abc"]
    tiers = ["public", "private", "data", "endpoints"]
    for v in range(first, first + count):
        vpc = hexid("vpc", v)
        base = f"10.{v % 250}"
        out += [f"      - id: {vpc}", f"        name: vpc-{v:03d}", f"        cidr: {base}.0.0/16",
                "        dns: {support: true, hostnames: true}", f"        internet_gateway: {hexid('igw', v)}",
                "        subnets:"]
        subnet_ids = {}
        for t, tier in enumerate(tiers):
            for z, zone in enumerate(zones):
                sid = hexid("subnet", v, t, z)
                subnet_ids[(tier, z)] = sid
                table = hexid("rtb", v, 0) if tier == "public" else hexid("rtb", v, 1 + z)
                out.append(f"          - {{id: {sid}, name: {tier}-{'abc'[z]}, az: {zone}, cidr: {base}.{t * 16 + z}.0/24, route_table: {table}}}")
        out.append("        nat_gateways:")
        for z in range(3):
            out.append(f"          - {{id: {hexid('nat', v, z)}, subnet: {subnet_ids[('public', z)]}}}")
        out.append("        route_tables:")
        out.append(f"          - {{id: {hexid('rtb', v, 0)}, name: public, routes: {{0.0.0.0/0: {hexid('igw', v)}}}}}")
        for z in range(3):
            out.append(f"          - {{id: {hexid('rtb', v, 1 + z)}, name: private-{'abc'[z]}, main: {'true' if z == 0 else 'false'}, "
                       f"routes: {{0.0.0.0/0: {hexid('nat', v, z)}}}}}")
        out.append("        security_groups:")
        out.append(f"          - {{id: {hexid('sg', v)}, name: endpoints, ingress: [{{protocol: tcp, ports: 443, from: {base}.0.0/16}}]}}")
        out.append("        endpoints:")
        tables = ", ".join(hexid("rtb", v, 1 + z) for z in range(3))
        out.append(f"          - {{id: {hexid('vpce', v, 0)}, service: s3, type: gateway, route_tables: [{tables}]}}")
        if rich:
            out.append(f"          - {{id: {hexid('vpce', v, 9)}, service: dynamodb, type: gateway, route_tables: [{tables}]}}")
        for e, service in enumerate(["execute-api", "ssm", "ssmmessages", "ec2messages"] if rich else ["execute-api", "ssm"]):
            interfaces = ", ".join(f"{subnet_ids[('endpoints', z)]}: {base}.{48 + z}.{10 + e}" for z in range(3))
            out.append(f"          - {{id: {hexid('vpce', v, 1 + e)}, service: {service}, type: interface, dns_suffix: {hexid('x', v, e)[2:10]}, "
                       f"security_groups: [{hexid('sg', v)}], interfaces: {{{interfaces}}}}}")
    return "\n".join(out) + "\n"


REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2"]


def generate_regions(count, regions):
    out = [f"title: Generated topology with {count} VPCs in {regions} regions", "regions:"]
    for r in range(regions):
        first, size = r * count // regions, (r + 1) * count // regions - r * count // regions
        out.append(generate(size, REGIONS[r], first, header=False).rstrip("\n"))
        vpcs = [hexid("vpc", v) for v in range(first, first + size)]
        if size > 1:
            out.append("    peerings:")
            out += [f"      - {{id: {hexid('pcx', v)}, name: peer-{v:03d}, vpcs: [{vpcs[v - first]}, {vpcs[v - first + 1]}]}}" for v in range(first, first + size - 1)]
        out += ["    transit_gateways:", f"      - id: {hexid('tgw', r)}", f"        name: core-{REGIONS[r]}", "        attachments:"]
        out += [f"          - {{id: {hexid('tgw-attach', v)}, vpc: {hexid('vpc', v)}, subnets: [{', '.join(hexid('subnet', v, 1, z) for z in range(3))}]}}"
                for v in range(first, first + size)]
        if r > 0:
            out.append(f"          - {{id: {hexid('tgw-attach', 10000 + r)}, peer: {hexid('tgw', r - 1)}}}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--rich":
        sys.stdout.write(generate(int(sys.argv[1]), rich=True))
    elif len(sys.argv) > 2:
        sys.stdout.write(generate_regions(int(sys.argv[1]), int(sys.argv[2])))
    else:
        sys.stdout.write(generate(int(sys.argv[1])))

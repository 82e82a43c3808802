#!/usr/bin/env python3
"""Writes a generated AWS CLI snapshot (the folder `vpcgraph collect` makes) for the import benchmark:
N VPCs in eu-west-1, each with 3 AZs x 4 subnets, an internet gateway, a NAT gateway per AZ, four
route tables, two security groups, three interface endpoints (one network interface per AZ) and
an S3 gateway endpoint; peerings between neighbours, one transit gateway attaching every VPC, and
a private hosted zone. 200 VPCs give 2,400 subnets and 800 endpoints. Deterministic for a given N.

Usage: generate-aws-snapshot.py N OUTPUT_DIR
"""
import json
import os
import sys

R = "eu-west-1"
ZONES = [R + z for z in "abc"]
TIERS = ["public", "private", "data", "endpoints"]
SERVICES = ["execute-api", "secretsmanager", "ssm"]


def hexid(prefix, *numbers):
    value = 0
    for n in numbers:
        value = value * 1009 + n + 1
    return f"{prefix}-{value * 2654435761 % (16 ** 17):017x}"


def tags(name):
    return [{"Key": "Name", "Value": name}, {"Key": "env", "Value": "bench"}]


def generate(count, out):
    vpcs, subnets, tables, endpoints, enis, igws, nats, groups, peerings, attachments = [], [], [], [], [], [], [], [], [], []
    tgw = hexid("tgw", 0)
    for v in range(count):
        vpc = hexid("vpc", v)
        base = f"10.{v // 250}.{0}" if False else None
        first, second = 10 + v // 250, v % 250
        cidr = f"{first}.{second}.0.0/16"
        vpcs.append({"CidrBlock": cidr, "DhcpOptionsId": "dopt-0bench", "State": "available", "VpcId": vpc, "OwnerId": "123456789012",
                     "InstanceTenancy": "default", "CidrBlockAssociationSet": [{"AssociationId": hexid("vpc-cidr-assoc", v), "CidrBlock": cidr,
                                                                               "CidrBlockState": {"State": "associated"}}],
                     "IsDefault": False, "Tags": tags(f"vpc-{v:03d}")})
        igw = hexid("igw", v)
        igws.append({"Attachments": [{"State": "available", "VpcId": vpc}], "InternetGatewayId": igw, "OwnerId": "123456789012", "Tags": tags(f"igw-{v:03d}")})
        ids = {}
        for t, tier in enumerate(TIERS):
            for z, zone in enumerate(ZONES):
                sid = hexid("subnet", v, t, z)
                ids[(tier, z)] = sid
                subnets.append({"AvailabilityZone": zone, "AvailableIpAddressCount": 250, "CidrBlock": f"{first}.{second}.{t * 16 + z}.0/24",
                                "DefaultForAz": False, "MapPublicIpOnLaunch": tier == "public", "State": "available", "SubnetId": sid,
                                "VpcId": vpc, "OwnerId": "123456789012", "Tags": tags(f"{tier}-{zone[-1]}-{v:03d}")})
        nat_ids = []
        for z, zone in enumerate(ZONES):
            nat = hexid("nat", v, z)
            nat_ids.append(nat)
            nats.append({"CreateTime": "2024-09-04T10:01:22.000Z", "NatGatewayAddresses": [{"AllocationId": hexid("eipalloc", v, z), "NetworkInterfaceId": hexid("eni", v, 9, z),
                         "PrivateIp": f"{first}.{second}.{z}.5", "PublicIp": f"203.0.{v % 250}.{z + 1}", "IsPrimary": True, "Status": "succeeded"}],
                         "NatGatewayId": nat, "State": "available", "SubnetId": ids[("public", z)], "VpcId": vpc, "ConnectivityType": "public",
                         "Tags": tags(f"nat-{zone[-1]}-{v:03d}")})
        local = {"DestinationCidrBlock": cidr, "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}
        s3 = hexid("vpce", v, 99)
        public = hexid("rtb", v, 0)
        tables.append({"Associations": [{"Main": True, "RouteTableAssociationId": hexid("rtbassoc", v, 0, 99), "RouteTableId": public, "AssociationState": {"State": "associated"}}]
                       + [{"Main": False, "RouteTableAssociationId": hexid("rtbassoc", v, 0, z), "RouteTableId": public, "SubnetId": ids[("public", z)],
                           "AssociationState": {"State": "associated"}} for z in range(3)],
                       "RouteTableId": public, "Routes": [local, {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": igw, "Origin": "CreateRoute", "State": "active"}],
                       "Tags": tags(f"public-{v:03d}"), "VpcId": vpc, "OwnerId": "123456789012"})
        for z in range(3):
            table = hexid("rtb", v, 1 + z)
            routes = [local, {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": nat_ids[z], "Origin": "CreateRoute", "State": "active"},
                      {"DestinationPrefixListId": "pl-6da54004", "GatewayId": s3, "Origin": "CreateRoute", "State": "active"},
                      {"DestinationCidrBlock": "172.16.0.0/12", "TransitGatewayId": tgw, "Origin": "CreateRoute", "State": "active"}]
            tables.append({"Associations": [{"Main": False, "RouteTableAssociationId": hexid("rtbassoc", v, 1 + z, t), "RouteTableId": table,
                                             "SubnetId": ids[(tier, z)], "AssociationState": {"State": "associated"}} for t, tier in enumerate(TIERS[1:])],
                           "RouteTableId": table, "Routes": routes, "Tags": tags(f"private-{ZONES[z][-1]}-{v:03d}"), "VpcId": vpc, "OwnerId": "123456789012"})
        sg = hexid("sg", v, 0)
        groups.append({"Description": "HTTPS to the endpoints", "GroupName": f"endpoints-{v:03d}", "GroupId": sg, "VpcId": vpc, "OwnerId": "123456789012",
                       "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": cidr, "Description": "vpc"}],
                                          "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}], "IpPermissionsEgress": []})
        groups.append({"Description": "default VPC security group", "GroupName": "default", "GroupId": hexid("sg", v, 1), "VpcId": vpc, "OwnerId": "123456789012",
                       "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [],
                                          "UserIdGroupPairs": [{"GroupId": hexid("sg", v, 1), "UserId": "123456789012"}]}], "IpPermissionsEgress": []})
        for e, service in enumerate(SERVICES):
            eid = hexid("vpce", v, e)
            eni_ids = [hexid("eni", v, e, z) for z in range(3)]
            suffix = f"{(v * 7 + e) % 99999999:08x}"
            dns = [f"{eid}-{suffix}.{service}.{R}.vpce.amazonaws.com"] + [f"{eid}-{suffix}-{zone}.{service}.{R}.vpce.amazonaws.com" for zone in ZONES] \
                + [f"{service}.{R}.amazonaws.com"]
            endpoints.append({"VpcEndpointId": eid, "VpcEndpointType": "Interface", "VpcId": vpc, "ServiceName": f"com.amazonaws.{R}.{service}",
                              "State": "available", "PolicyDocument": "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                              "RouteTableIds": [], "SubnetIds": [ids[("endpoints", z)] for z in range(3)], "Groups": [{"GroupId": sg, "GroupName": f"endpoints-{v:03d}"}],
                              "PrivateDnsEnabled": True, "RequesterManaged": False, "NetworkInterfaceIds": eni_ids,
                              "DnsEntries": [{"DnsName": d, "HostedZoneId": "Z38GZ743OKFT7T"} for d in dns],
                              "CreationTimestamp": "2024-09-04T10:01:22.000Z", "Tags": tags(f"{service}-{v:03d}"), "OwnerId": "123456789012"})
            for z in range(3):
                ip = f"{first}.{second}.{48 + z}.{10 + e}"
                enis.append({"AvailabilityZone": ZONES[z], "Description": f"VPC Endpoint Interface {eid}", "Groups": [{"GroupName": f"endpoints-{v:03d}", "GroupId": sg}],
                             "InterfaceType": "vpc_endpoint", "NetworkInterfaceId": eni_ids[z], "OwnerId": "123456789012", "PrivateIpAddress": ip,
                             "PrivateIpAddresses": [{"Primary": True, "PrivateIpAddress": ip}], "RequesterManaged": True, "Status": "in-use",
                             "SubnetId": ids[("endpoints", z)], "TagSet": [], "VpcId": vpc})
        endpoints.append({"VpcEndpointId": s3, "VpcEndpointType": "Gateway", "VpcId": vpc, "ServiceName": f"com.amazonaws.{R}.s3", "State": "available",
                          "RouteTableIds": [hexid("rtb", v, 1 + z) for z in range(3)], "SubnetIds": [], "Groups": [], "PrivateDnsEnabled": False,
                          "NetworkInterfaceIds": [], "DnsEntries": [], "CreationTimestamp": "2024-09-04T10:01:22.000Z", "Tags": tags(f"s3-{v:03d}"), "OwnerId": "123456789012"})
        attachments.append({"TransitGatewayAttachmentId": hexid("tgw-attach", v), "TransitGatewayId": tgw, "VpcId": vpc, "VpcOwnerId": "123456789012",
                            "State": "available", "SubnetIds": [ids[("private", z)] for z in range(3)], "CreationTime": "2024-09-04T10:01:22.000Z"})
        if v > 0:
            peerings.append({"VpcPeeringConnectionId": hexid("pcx", v), "Status": {"Code": "active", "Message": "Active"}, "Tags": tags(f"peer-{v:03d}"),
                             "RequesterVpcInfo": {"VpcId": hexid("vpc", v - 1), "Region": R, "OwnerId": "123456789012"},
                             "AccepterVpcInfo": {"VpcId": vpc, "Region": R, "OwnerId": "123456789012"}})

    def write(name, obj):
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(obj, f, indent=4)
            f.write("\n")

    write(f"{R}/describe-vpcs.json", {"Vpcs": vpcs})
    write(f"{R}/describe-subnets.json", {"Subnets": subnets})
    write(f"{R}/describe-route-tables.json", {"RouteTables": tables})
    write(f"{R}/describe-vpc-endpoints.json", {"VpcEndpoints": endpoints})
    write(f"{R}/describe-network-interfaces.json", {"NetworkInterfaces": enis})
    write(f"{R}/describe-internet-gateways.json", {"InternetGateways": igws})
    write(f"{R}/describe-nat-gateways.json", {"NatGateways": nats})
    write(f"{R}/describe-security-groups.json", {"SecurityGroups": groups})
    write(f"{R}/describe-vpc-peering-connections.json", {"VpcPeeringConnections": peerings})
    write(f"{R}/describe-transit-gateways.json", {"TransitGateways": [{"TransitGatewayId": tgw, "TransitGatewayArn": f"arn:aws:ec2:{R}:123456789012:transit-gateway/{tgw}",
                                                                       "State": "available", "Options": {"AmazonSideAsn": 64512}, "Tags": tags("hub")}]})
    write(f"{R}/describe-transit-gateway-vpc-attachments.json", {"TransitGatewayVpcAttachments": attachments})
    for v in range(count):
        vpc = hexid("vpc", v)
        write(f"{R}/describe-vpc-attribute.{vpc}.enableDnsSupport.json", {"VpcId": vpc, "EnableDnsSupport": {"Value": True}})
        write(f"{R}/describe-vpc-attribute.{vpc}.enableDnsHostnames.json", {"VpcId": vpc, "EnableDnsHostnames": {"Value": True}})
    zone = "Z0BENCH0000000000001"
    write("global/list-hosted-zones.json", {"HostedZones": [{"Id": f"/hostedzone/{zone}", "Name": "internal.example.com.", "CallerReference": "bench",
                                                             "Config": {"PrivateZone": True}, "ResourceRecordSetCount": count + 2}]})
    write(f"global/get-hosted-zone.{zone}.json", {"HostedZone": {"Id": f"/hostedzone/{zone}", "Name": "internal.example.com.", "Config": {"PrivateZone": True}},
                                                  "VPCs": [{"VPCRegion": R, "VPCId": hexid("vpc", v)} for v in range(count)]})
    write(f"global/list-resource-record-sets.{zone}.json", {"ResourceRecordSets": [
        {"Name": "internal.example.com.", "Type": "SOA", "TTL": 900, "ResourceRecords": [{"Value": "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"}]}]
        + [{"Name": f"svc-{v:03d}.internal.example.com.", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": f"{10 + v // 250}.{v % 250}.16.10"}]} for v in range(count)]})


if __name__ == "__main__":
    generate(int(sys.argv[1]), sys.argv[2])

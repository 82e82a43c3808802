#!/usr/bin/env python3
"""Writes schema/topology.schema.json and Sources/Pipeline/TopologySchema.swift (what `vpcgraph schema`
prints) from the definitions below, which follow the keys TopologyParser reads. Run from the repository
root after changing the topology format; SchemaTests fails while the two files disagree."""
import json
def obj(props, required=(), desc=None):
    o = {"type": "object", "properties": props, "additionalProperties": False}
    if required: o["required"] = list(required)
    if desc: o["description"] = desc
    return o
S = {"type": ["string", "number", "boolean"]}
def ref(n): return {"$ref": "#/$defs/" + n}
def listof(x, scalar=True):
    return {"anyOf": [x, {"type": "array", "items": x}]} if scalar else {"type": "array", "items": x}
def d(desc, x):
    x = dict(x); x["description"] = desc; return x
scalar = {"type": ["string", "number", "boolean"]}
named_id = dict(obj({"id": S, "name": S}, ["id"]), type=["string", "object"], description="an id, or {id, name}")
interfaces = {"type": ["object", "array", "null"], "additionalProperties": S,
              "items": obj({"subnet": S, "ip": S, "eni": S, "ipv6": S}, ["subnet", "ip"]),
              "description": "a mapping (subnet id: IP address) or a list of {subnet, ip, eni}"}
def sg_rule(peer):
    """A security group rule; `peer` is where traffic comes from (ingress) or goes to (egress)."""
    return obj({"protocol": scalar, "ports": scalar, "icmp_type": {"type": "integer"}, "icmp_code": {"type": "integer"},
                "aws_ports": {"type": "array", "items": {"type": ["integer", "null"]}, "minItems": 2, "maxItems": 2},
                peer: ref("strings"), "description": S})
defs = {
  "strings": {"type": ["string", "array", "null"], "items": S, "description": "a string, or a list of strings"},
  "namedID": named_id,
  "interfaces": interfaces,
  "subnet": obj({"id": S, "name": S, "az": S, "cidr": S, "route_table": S, "public": {"type": "boolean"},
                      "az_id": S, "map_public_ip": {"type": "boolean"}, "owner": S, "ipv6_cidrs": ref("strings")}, ["id", "az", "cidr"],
                "A subnet: its id, availability zone and CIDR; the route table it is associated with (else the main one)"),
  "natGateway": obj({"id": S, "name": S, "subnet": S, "connectivity": {"enum": ["public", "private"]}, "private_ip": S, "public_ip": S,
                          "state": {"enum": ["pending", "provisioning"]},
                          "secondary_private_ips": ref("strings"), "secondary_public_ips": ref("strings")}, ["id", "subnet"]),
  "route": obj({"destination": S, "target": S, "state": {"enum": ["active", "blackhole", "filtered"]},
                 "propagated": {"type": "boolean"}, "target_state": S}, ["destination", "target"]),
  "routeTable": obj({"id": S, "name": S, "main": {"type": "boolean"},
                     "gateways": d("internet or virtual private gateways it is the ingress (edge) route table of", ref("strings")),
                     "routes": {"type": ["object", "array", "null"], "additionalProperties": S, "items": ref("route"),
                                "description": "a mapping (destination: target) or a list of {destination, target, state}"}}, ["id"]),
  "aclRule": obj({"rule": {"type": "integer"}, "action": {"enum": ["allow", "deny"]}, "protocol": scalar, "ports": scalar,
                  "icmp_type": {"type": "integer"}, "icmp_code": {"type": "integer"},
                  "aws_ports": {"type": "array", "items": {"type": ["integer", "null"]}, "minItems": 2, "maxItems": 2}, "cidr": S},
                 ["rule", "action", "cidr"], "a numbered network ACL rule; rule 32767 is AWS's default (*) rule"),
  "networkACL": obj({"id": S, "name": S, "default": {"type": "boolean"}, "subnets": ref("strings"),
                     "ingress": {"type": ["array", "null"], "items": ref("aclRule")}, "egress": {"type": ["array", "null"], "items": ref("aclRule")}}, ["id"]),
  "dhcpOptions": dict(obj({"id": S, "name": S, "domain_name": S, "domain_name_servers": ref("strings"), "ntp_servers": ref("strings")}, ["id"]),
                      type=["object", "null"]),
  "directConnectLinks": {"type": ["array", "null"],
                         "items": {"type": ["string", "object"], "properties": {"id": S, "name": S, "asn": {"type": "integer"},
                                                                               "allowed_prefixes": ref("strings"), "on_premises": S},
                                   "additionalProperties": False}},
  "vpnGateway": dict(obj({"id": S, "name": S, "direct_connect_gateways": ref("directConnectLinks")}, ["id"]),
                     type=["string", "object"], description="an id, or {id, name, direct_connect_gateways}"),
  "ingressRule": sg_rule("from"),
  "egressRule": sg_rule("to"),
  "securityGroup": obj({"id": S, "name": S, "description": S, "ingress": {"type": ["array", "null"], "items": ref("ingressRule")},
                         "egress": {"type": ["array", "null"], "items": ref("egressRule")}}, ["id"]),
  "endpoint": obj({"id": S, "name": S, "service": d("short (s3, execute-api) or full (com.amazonaws.eu-west-1.s3) service name", S),
                   "type": {"enum": ["interface", "gateway", "gateway_load_balancer", "resource", "service_network"]}, "private_dns": {"type": "boolean"},
                   "additional_private_dns_names": ref("strings"), "ip_address_type": {"enum": ["ipv4", "dualstack", "ipv6"]},
                   "dns_record_ip_type": {"enum": ["ipv4", "dualstack", "ipv6", "service-defined"]},
                   "private_dns_only_for_inbound_resolver_endpoint": {"type": "boolean"}, "requester_managed": {"type": "boolean"},
                   "service_network": S, "resource_configuration": S, "subnets": ref("strings"),
                   "subnet": S, "ip": S, "state": {"enum": ["pending", "pending-acceptance"]}, "unknown_ip_subnets": ref("strings"),
                   "security_groups": ref("strings"), "interfaces": ref("interfaces"), "dns_suffix": S, "dns_names": ref("strings"),
                   "private_dns_name": S, "route_tables": ref("strings"), "prefix_list": S,
                   "policy": {"type": ["string", "object", "null"], "description": "endpoint policy: JSON text or a mapping"}}, ["id"],
                  "an endpoint; every type but resource and service_network (VPC Lattice) names its service"),
  "resolverEndpoint": obj({"id": S, "name": S, "direction": {"enum": ["inbound", "outbound"]}, "security_groups": ref("strings"),
                           "ips": ref("interfaces"), "unknown_ips": {"type": "integer"}}, ["id", "direction"]),
  "vpc": obj({"id": S, "name": S, "owner": S, "cidr": ref("strings"),
              "dns": dict(obj({"support": {"type": ["boolean", "string"], "enum": [True, False, "unknown"]},
                               "hostnames": {"type": ["boolean", "string"], "enum": [True, False, "unknown"]}}), type=["object", "null"]),
              "ipv6_cidrs": ref("strings"), "dhcp_options": ref("dhcpOptions"), "egress_only_internet_gateway": ref("namedID"),
              "network_acls": {"type": ["array", "null"], "items": ref("networkACL")},
              "internet_gateway": ref("namedID"), "vpn_gateway": ref("vpnGateway"),
              "nat_gateways": {"type": ["array", "null"], "items": ref("natGateway")},
              "subnets": {"type": ["array", "null"], "items": ref("subnet")},
              "route_tables": {"type": ["array", "null"], "items": ref("routeTable")},
              "security_groups": {"type": ["array", "null"], "items": ref("securityGroup")},
              "endpoints": {"type": ["array", "null"], "items": ref("endpoint")},
              "resolver_endpoints": {"type": ["array", "null"], "items": ref("resolverEndpoint")},
              "reaches": ref("strings")}, ["id", "cidr"]),
  "peering": obj({"id": S, "name": S, "vpcs": {"type": "array", "items": S, "minItems": 2, "maxItems": 2}}, ["id", "vpcs"]),
  "attachment": obj({"id": S, "vpc": S, "subnets": ref("strings"), "vpn": S, "peer": S, "direct_connect_gateway": S}, ["id"]),
  "tgwRoute": obj({"destination": S, "attachments": ref("strings"), "type": {"enum": ["static", "propagated"]},
                   "state": {"enum": ["active", "blackhole"]}}, ["destination"]),
  "tgwRouteTable": obj({"id": S, "name": S, "default_association": {"type": "boolean"}, "default_propagation": {"type": "boolean"},
                        "associations": ref("strings"), "propagations": ref("strings"),
                        "routes": {"type": ["array", "null"], "items": ref("tgwRoute")}}, ["id"]),
  "transitGateway": obj({"id": S, "name": S, "asn": {"type": "integer"}, "attachments": {"type": ["array", "null"], "items": ref("attachment")},
                         "route_tables": {"type": ["array", "null"], "items": ref("tgwRouteTable")},
                         "direct_connect_gateways": ref("directConnectLinks")}, ["id"]),
  "tunnel": obj({"outside_ip": S, "status": S, "status_message": S}, ["outside_ip"]),
  "vpnConnection": obj({"id": S, "name": S, "vpn_gateway": S, "transit_gateway": S, "customer_gateway": S, "on_premises": S,
                        "customer_gateway_ip": S, "customer_gateway_asn": {"type": "integer"},
                        "tunnels": {"type": ["array", "null"], "items": ref("tunnel")}}, ["id"]),
  "prefixList": obj({"id": S, "name": S, "address_family": S, "max_entries": {"type": "integer"}, "owner": S,
                     "entries": {"type": ["array", "null"], "items": obj({"cidr": S, "description": S}, ["cidr"])}}, ["id"]),
  "externalVPC": obj({"id": S, "name": S, "owner": S, "region": S, "cidrs": ref("strings"), "ipv6_cidrs": ref("strings")}, ["id"],
                     "a VPC outside the topology (another account's or region's) a peering reaches"),
  "record": obj({"name": S, "type": S, "alias": S, "values": ref("strings")}),
  "hostedZone": obj({"id": S, "name": S, "vpcs": ref("strings"), "records": {"type": ["array", "null"], "items": ref("record")}, "alias": S}, ["name"]),
  "resolverRule": obj({"id": S, "name": S, "domain": S, "resolver_endpoint": S, "targets": ref("strings"), "vpcs": ref("strings")}, ["id", "domain"]),
  "region": dict(obj({"vpcs": {"type": ["array", "null"], "items": ref("vpc")},
                            "peerings": {"type": ["array", "null"], "items": ref("peering")},
                            "transit_gateways": {"type": ["array", "null"], "items": ref("transitGateway")},
                            "vpn_connections": {"type": ["array", "null"], "items": ref("vpnConnection")},
                            "private_hosted_zones": {"type": ["array", "null"], "items": ref("hostedZone")},
                            "resolver_rules": {"type": ["array", "null"], "items": ref("resolverRule")},
                            "prefix_lists": {"type": ["array", "null"], "items": ref("prefixList")},
                            "external_vpcs": {"type": ["array", "null"], "items": ref("externalVPC")}}), type=["object", "null"]),
  "onPremises": obj({"id": S, "name": S, "cidrs": ref("strings"), "dns_servers": ref("strings"),
                     "forward": {"type": ["object", "null"], "additionalProperties": ref("strings"),
                                 "description": "domain: resolver endpoint id or DNS server IPs"}}, ["id"]),
}
# Every resource (an object with an id) may accept advice for itself: `ignore: [{rule, reason}]`.
defs["ignore"] = {"type": ["array", "null"], "description": "advice accepted for this resource ('vpcgraph rules' lists the advice rules); a reason is required",
                  "items": obj({"rule": {"type": "string"}, "reason": {"type": "string", "minLength": 1}}, ["rule", "reason"])}
for definition in defs.values():
    if "id" in definition.get("properties", {}):
        definition["properties"]["ignore"] = ref("ignore")
schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://github.com/vpcgraph/vpcgraph/schema/topology.schema.json",
  "title": "vpcgraph topology",
  "description": "A network as vpcgraph reads it (YAML or JSON): regions, their VPCs, subnets, route tables, gateways, endpoints and DNS. Every key is described in the README.",
  "type": "object",
  "properties": {"title": S, "description": S,
                 "regions": {"type": "object", "description": "region code (eu-west-1) → region", "additionalProperties": ref("region"),
                             "propertyNames": {"pattern": "^[a-z]{2}(-[a-z]+)+-[0-9]+$"}},
                 "on_premises": {"type": ["array", "null"], "items": ref("onPremises")}},
  "required": ["regions"],
  "additionalProperties": False,
  "$defs": defs,
}
text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
with open("schema/topology.schema.json", "w") as f:
    f.write(text)
swift = "Sources/Pipeline/TopologySchema.swift"
source = open(swift).read()
start = source.index('#"""\n') + 5
end = source.index('\n"""#')
with open(swift, "w") as f:
    f.write(source[:start] + text.rstrip("\n") + source[end:])

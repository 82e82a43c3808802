#!/usr/bin/env python3
"""Builds a small two-region AWS network in a moto server, for vpcgraph's collect/import tests.

Usage: moto-network.py ENDPOINT_URL > manifest.json

Uses dummy credentials; talks only to ENDPOINT_URL (a moto_server on loopback). Prints a JSON
manifest of what it created (ids moto generated and the facts the test checks), read back
through the API rather than assumed.
"""
import json
import sys

import boto3

ENDPOINT = sys.argv[1]
EU, US = "eu-west-1", "us-east-1"


def client(service, region):
    return boto3.client(service, region_name=region, endpoint_url=ENDPOINT,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def tag(name):
    return [{"ResourceType": "placeholder", "Tags": [{"Key": "Name", "Value": name}]}]


def tags(resource_type, name):
    return [{"ResourceType": resource_type, "Tags": [{"Key": "Name", "Value": name}]}]


def name_it(ec2, resource_id, name):
    ec2.create_tags(Resources=[resource_id], Tags=[{"Key": "Name", "Value": name}])


m = {"regions": {}}

# ---------------------------------------------------------------- eu-west-1: app + shared services
ec2 = client("ec2", EU)
app = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
name_it(ec2, app, "app")
ec2.modify_vpc_attribute(VpcId=app, EnableDnsSupport={"Value": True})
ec2.modify_vpc_attribute(VpcId=app, EnableDnsHostnames={"Value": True})
shared = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
name_it(ec2, shared, "shared-services")
ec2.modify_vpc_attribute(VpcId=shared, EnableDnsHostnames={"Value": True})

subnets = {}
for vpc, label, cidr, az in [
    (app, "app-public-a", "10.0.0.0/24", "eu-west-1a"),
    (app, "app-public-b", "10.0.1.0/24", "eu-west-1b"),
    (app, "app-private-a", "10.0.10.0/24", "eu-west-1a"),
    (app, "app-private-b", "10.0.11.0/24", "eu-west-1b"),
    (shared, "shared-a", "10.1.0.0/24", "eu-west-1a"),
    (shared, "shared-b", "10.1.1.0/24", "eu-west-1b"),
]:
    s = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=az)["Subnet"]["SubnetId"]
    name_it(ec2, s, label)
    subnets[label] = s

igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
name_it(ec2, igw, "app-igw")
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=app)

eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
nat = ec2.create_nat_gateway(SubnetId=subnets["app-public-a"], AllocationId=eip)["NatGateway"]["NatGatewayId"]
name_it(ec2, nat, "app-nat-a")

public_rt = ec2.create_route_table(VpcId=app)["RouteTable"]["RouteTableId"]
name_it(ec2, public_rt, "app-public")
ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
private_rt = ec2.create_route_table(VpcId=app)["RouteTable"]["RouteTableId"]
name_it(ec2, private_rt, "app-private")
ec2.create_route(RouteTableId=private_rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
for s in ["app-public-a", "app-public-b"]:
    ec2.associate_route_table(RouteTableId=public_rt, SubnetId=subnets[s])
for s in ["app-private-a", "app-private-b"]:
    ec2.associate_route_table(RouteTableId=private_rt, SubnetId=subnets[s])

sg = ec2.create_security_group(GroupName="endpoints", Description="HTTPS from the VPC", VpcId=app)["GroupId"]
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{
    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
    "IpRanges": [{"CidrIp": "10.0.0.0/16", "Description": "app"}]}])

interface = ec2.create_vpc_endpoint(
    VpcEndpointType="Interface", VpcId=app, ServiceName=f"com.amazonaws.{EU}.execute-api",
    SubnetIds=[subnets["app-private-a"], subnets["app-private-b"]], SecurityGroupIds=[sg],
    PrivateDnsEnabled=True)["VpcEndpoint"]["VpcEndpointId"]
name_it(ec2, interface, "execute-api")
gateway = ec2.create_vpc_endpoint(
    VpcEndpointType="Gateway", VpcId=app, ServiceName=f"com.amazonaws.{EU}.s3",
    RouteTableIds=[private_rt])["VpcEndpoint"]["VpcEndpointId"]
name_it(ec2, gateway, "s3")

# Blackhole: a route to a NAT gateway that is then deleted.
doomed_eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
doomed = ec2.create_nat_gateway(SubnetId=subnets["app-public-b"], AllocationId=doomed_eip)["NatGateway"]["NatGatewayId"]
ec2.create_route(RouteTableId=private_rt, DestinationCidrBlock="192.168.0.0/16", NatGatewayId=doomed)
ec2.delete_nat_gateway(NatGatewayId=doomed)

# Peering: shared services <-> app (same region), and shared services <-> us-east-1 consumer.
pcx_app = ec2.create_vpc_peering_connection(VpcId=shared, PeerVpcId=app)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_app)
name_it(ec2, pcx_app, "shared-to-app")
ec2.create_route(RouteTableId=private_rt, DestinationCidrBlock="10.1.0.0/16", VpcPeeringConnectionId=pcx_app)

# Transit gateway with both eu-west-1 VPCs attached.
tgw = ec2.create_transit_gateway(Description="hub", Options={"AmazonSideAsn": 64512})["TransitGateway"]["TransitGatewayId"]
name_it(ec2, tgw, "hub")
tgw_att = {}
for vpc, ss in [(app, ["app-private-a", "app-private-b"]), (shared, ["shared-a", "shared-b"])]:
    a = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=vpc, SubnetIds=[subnets[s] for s in ss])
    tgw_att[vpc] = a["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
# A route table of the transit gateway: the app attachment associated, the shared one propagating, a static route.
tgw_rtb = ec2.create_transit_gateway_route_table(TransitGatewayId=tgw)["TransitGatewayRouteTable"]["TransitGatewayRouteTableId"]
name_it(ec2, tgw_rtb, "spokes")
ec2.associate_transit_gateway_route_table(TransitGatewayRouteTableId=tgw_rtb, TransitGatewayAttachmentId=tgw_att[app])
ec2.enable_transit_gateway_route_table_propagation(TransitGatewayRouteTableId=tgw_rtb, TransitGatewayAttachmentId=tgw_att[shared])
ec2.create_transit_gateway_route(TransitGatewayRouteTableId=tgw_rtb, DestinationCidrBlock="10.1.0.0/16", TransitGatewayAttachmentId=tgw_att[shared])

# An egress-only internet gateway on the app VPC, and a customer-managed prefix list of office networks.
eigw = ec2.create_egress_only_internet_gateway(VpcId=app)["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"]
offices = ec2.create_managed_prefix_list(PrefixListName="offices", AddressFamily="IPv4", MaxEntries=5,
                                         Entries=[{"Cidr": "198.51.100.0/24", "Description": "Berlin"}])["PrefixList"]["PrefixListId"]

# Site-to-site VPN to the data centre, on a virtual private gateway attached to shared services.
cgw = ec2.create_customer_gateway(Type="ipsec.1", PublicIp="198.51.100.7", BgpAsn=65000)["CustomerGateway"]["CustomerGatewayId"]
name_it(ec2, cgw, "datacenter")
vgw = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
name_it(ec2, vgw, "shared-vgw")
ec2.attach_vpn_gateway(VpcId=shared, VpnGatewayId=vgw)
vpn = ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=cgw, VpnGatewayId=vgw,
                                Options={"StaticRoutesOnly": True})["VpnConnection"]["VpnConnectionId"]
name_it(ec2, vpn, "datacenter-vpn")
# moto 5 does not implement CreateVpnConnectionRoute (HTTP 500), so the VPN has no static routes here.

# Route 53 Resolver inbound endpoint in shared services.
resolver_sg = ec2.create_security_group(GroupName="resolver", Description="DNS from on premises", VpcId=shared)["GroupId"]
r53r = client("route53resolver", EU)
inbound = r53r.create_resolver_endpoint(
    CreatorRequestId="vpcgraph-test-inbound", Name="inbound", SecurityGroupIds=[resolver_sg], Direction="INBOUND",
    IpAddresses=[{"SubnetId": subnets["shared-a"], "Ip": "10.1.0.53"}, {"SubnetId": subnets["shared-b"], "Ip": "10.1.1.53"}],
)["ResolverEndpoint"]["Id"]

# And an outbound endpoint with a forwarding rule for the data centre's domain, used by both VPCs.
outbound = r53r.create_resolver_endpoint(
    CreatorRequestId="vpcgraph-test-outbound", Name="outbound", SecurityGroupIds=[resolver_sg], Direction="OUTBOUND",
    IpAddresses=[{"SubnetId": subnets["shared-a"], "Ip": "10.1.0.54"}, {"SubnetId": subnets["shared-b"], "Ip": "10.1.1.54"}],
)["ResolverEndpoint"]["Id"]
rule = r53r.create_resolver_rule(
    CreatorRequestId="vpcgraph-test-rule", Name="corp", RuleType="FORWARD", DomainName="corp.example.com",
    TargetIps=[{"Ip": "172.16.0.53", "Port": 53}], ResolverEndpointId=outbound,
)["ResolverRule"]["Id"]
# (moto sorts associations by name and fails on unnamed ones, so each gets a name.)
for label, vpc in (("corp-app", app), ("corp-shared", shared)):
    r53r.associate_resolver_rule(ResolverRuleId=rule, VPCId=vpc, Name=label)

# Private hosted zone for the API, associated with app and shared services.
r53 = client("route53", EU)
zone = r53.create_hosted_zone(Name="internal.example.com", CallerReference="vpcgraph-test-zone",
                              VPC={"VPCRegion": EU, "VPCId": app},
                              HostedZoneConfig={"Comment": "internal", "PrivateZone": True})["HostedZone"]["Id"]
r53.associate_vpc_with_hosted_zone(HostedZoneId=zone, VPC={"VPCRegion": EU, "VPCId": shared})
r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
    {"Action": "CREATE", "ResourceRecordSet": {"Name": "db.internal.example.com", "Type": "A", "TTL": 300,
                                               "ResourceRecords": [{"Value": "10.0.10.20"}]}},
]})

# ---------------------------------------------------------------- us-east-1: a consumer VPC
use = client("ec2", US)
consumer = use.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
name_it(use, consumer, "consumer")
consumer_subnet = use.create_subnet(VpcId=consumer, CidrBlock="10.2.0.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
name_it(use, consumer_subnet, "consumer-a")
pcx_consumer = ec2.create_vpc_peering_connection(VpcId=shared, PeerVpcId=consumer, PeerRegion=US)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
use.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_consumer)
name_it(ec2, pcx_consumer, "shared-to-consumer")
consumer_dynamo = use.create_vpc_endpoint(
    VpcEndpointType="Gateway", VpcId=consumer, ServiceName=f"com.amazonaws.{US}.dynamodb",
    RouteTableIds=[use.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [consumer]}])["RouteTables"][0]["RouteTableId"]],
)["VpcEndpoint"]["VpcEndpointId"]

# ---------------------------------------------------------------- manifest, read back from the API
def enis_of(ec2c, endpoint_id):
    """subnet -> private IP of the endpoint's network interfaces, as describe-network-interfaces says."""
    endpoint = ec2c.describe_vpc_endpoints(VpcEndpointIds=[endpoint_id])["VpcEndpoints"][0]
    interfaces = ec2c.describe_network_interfaces(NetworkInterfaceIds=endpoint["NetworkInterfaceIds"])["NetworkInterfaces"]
    return {eni["SubnetId"]: eni["PrivateIpAddress"] for eni in interfaces}


vpn_desc = ec2.describe_vpn_connections(VpnConnectionIds=[vpn])["VpnConnections"][0]
secrets = [t.get("PreSharedKey") for t in vpn_desc.get("Options", {}).get("TunnelOptions", []) if t.get("PreSharedKey")]
config = vpn_desc.get("CustomerGatewayConfiguration") or ""
json.dump({
    "vpcs": {"app": app, "shared": shared, "consumer": consumer},
    "subnets": dict(subnets, **{"consumer-a": consumer_subnet}),
    "igw": igw, "nat": nat, "blackhole_nat": doomed,
    "route_tables": {"public": public_rt, "private": private_rt},
    "security_group": sg, "resolver_security_group": resolver_sg,
    "interface_endpoint": interface, "interface_endpoint_ips": enis_of(ec2, interface),
    "gateway_endpoint": gateway, "consumer_gateway_endpoint": consumer_dynamo,
    "peerings": {"app": pcx_app, "consumer": pcx_consumer},
    "transit_gateway": tgw, "transit_gateway_attachments": tgw_att, "transit_gateway_route_table": tgw_rtb,
    "egress_only_internet_gateway": eigw, "prefix_list": offices,
    "customer_gateway": cgw, "vpn_gateway": vgw, "vpn_connection": vpn,
    "resolver_endpoint": inbound, "resolver_outbound_endpoint": outbound, "resolver_rule": rule,
    "hosted_zone": zone.split("/")[-1],
    "secrets": secrets + ([config] if config else []),
}, sys.stdout, indent=2, sort_keys=True)
print()

# A local module called twice (for_each), with count-indexed subnets inside: addresses like
# module.net["prod"].aws_subnet.private[1]; the VPC id reaches the module's route through a variable.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

# Planned offline: no credentials, no AWS API calls.
provider "aws" {
  region                      = "eu-west-2"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "net" {
  source   = "./net"
  for_each = { prod = "10.60.0.0/16", test = "10.61.0.0/16" }
  name     = each.key
  cidr     = each.value
}

resource "aws_vpc_peering_connection" "prod_test" {
  vpc_id      = module.net["test"].vpc_id
  peer_vpc_id = module.net["prod"].vpc_id
  auto_accept = true
  tags        = { Name = "test-to-prod" }
}

resource "aws_ec2_transit_gateway" "hub" {
  amazon_side_asn                 = 64600
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  tags                            = { Name = "hub" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "net" {
  for_each           = module.net
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = each.value.vpc_id
  subnet_ids         = each.value.subnet_ids
}

resource "aws_ec2_transit_gateway_route_table" "hub" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  tags               = { Name = "hub" }
}

resource "aws_ec2_transit_gateway_route_table_association" "net" {
  for_each                       = aws_ec2_transit_gateway_vpc_attachment.net
  transit_gateway_attachment_id  = each.value.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.hub.id
}

resource "aws_ec2_transit_gateway_route" "blackhole" {
  destination_cidr_block         = "10.99.0.0/16"
  blackhole                      = true
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.hub.id
}

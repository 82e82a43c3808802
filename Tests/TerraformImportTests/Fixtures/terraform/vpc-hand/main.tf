# The network of ../vpc-module (terraform-aws-modules/vpc and its vpc-endpoints submodule) written as
# plain resources, the way a user writes it without the module: for_each by zone, the endpoints'
# service names written out.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

# Planned offline: no credentials, no AWS API calls.
provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

locals {
  zones    = { a = "eu-west-1a", b = "eu-west-1b", c = "eu-west-1c" }
  public   = { a = "10.0.101.0/24", b = "10.0.102.0/24", c = "10.0.103.0/24" }
  private  = { a = "10.0.1.0/24", b = "10.0.2.0/24", c = "10.0.3.0/24" }
  database = { a = "10.0.21.0/24", b = "10.0.22.0/24", c = "10.0.23.0/24" }
}

resource "aws_vpc" "app" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "app" }
}

resource "aws_default_route_table" "app" {
  default_route_table_id = aws_vpc.app.default_route_table_id
  tags                   = { Name = "app-default" }
}

resource "aws_default_security_group" "app" {
  vpc_id = aws_vpc.app.id
  tags   = { Name = "app-default" }
}

resource "aws_default_network_acl" "app" {
  default_network_acl_id = aws_vpc.app.default_network_acl_id
  subnet_ids             = concat(values(aws_subnet.public)[*].id, values(aws_subnet.private)[*].id, values(aws_subnet.database)[*].id)
  ingress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  tags = { Name = "app-default" }
}

resource "aws_internet_gateway" "app" {
  vpc_id = aws_vpc.app.id
  tags   = { Name = "app" }
}

resource "aws_subnet" "public" {
  for_each          = local.public
  vpc_id            = aws_vpc.app.id
  availability_zone = local.zones[each.key]
  cidr_block        = each.value
  tags              = { Name = "app-public-${local.zones[each.key]}" }
}

resource "aws_subnet" "private" {
  for_each          = local.private
  vpc_id            = aws_vpc.app.id
  availability_zone = local.zones[each.key]
  cidr_block        = each.value
  tags              = { Name = "app-private-${local.zones[each.key]}" }
}

resource "aws_subnet" "database" {
  for_each          = local.database
  vpc_id            = aws_vpc.app.id
  availability_zone = local.zones[each.key]
  cidr_block        = each.value
  tags              = { Name = "app-db-${local.zones[each.key]}" }
}

resource "aws_db_subnet_group" "app" {
  name       = "app"
  subnet_ids = values(aws_subnet.database)[*].id
  tags       = { Name = "app" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.app.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.app.id
  }
  tags = { Name = "app-public" }
}

resource "aws_route_table_association" "public" {
  for_each       = local.zones
  subnet_id      = aws_subnet.public[each.key].id
  route_table_id = aws_route_table.public.id
}

resource "aws_eip" "nat" {
  for_each = local.zones
  domain   = "vpc"
  tags     = { Name = "app-${each.value}" }
}

resource "aws_nat_gateway" "nat" {
  for_each      = local.zones
  subnet_id     = aws_subnet.public[each.key].id
  allocation_id = aws_eip.nat[each.key].id
  tags          = { Name = "app-${each.value}" }
}

resource "aws_route_table" "private" {
  for_each = local.zones
  vpc_id   = aws_vpc.app.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat[each.key].id
  }
  tags = { Name = "app-private-${each.value}" }
}

resource "aws_route_table_association" "private" {
  for_each       = local.zones
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

resource "aws_route_table_association" "database" {
  for_each       = local.zones
  subnet_id      = aws_subnet.database[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

resource "aws_security_group" "endpoints" {
  name_prefix = "app-endpoints-"
  description = "VPC endpoints security group"
  vpc_id      = aws_vpc.app.id
  tags        = { Name = "app-endpoints" }
}

resource "aws_security_group_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = [aws_vpc.app.cidr_block]
  description       = "HTTPS from the VPC"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.app.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = values(aws_route_table.private)[*].id
  tags              = { Name = "s3" }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["ssm", "ec2messages"])
  vpc_id              = aws_vpc.app.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = values(aws_subnet.private)[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = { Name = each.key }
}

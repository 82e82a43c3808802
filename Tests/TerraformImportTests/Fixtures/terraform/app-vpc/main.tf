# samples/app-vpc.yaml written as Terraform: the same network, hand-written resources.
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
  zones = { a = "eu-west-1a", b = "eu-west-1b" }
}

resource "aws_vpc" "app" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "app" }
}

resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.app.default_route_table_id
  tags                   = { Name = "main" }
}

resource "aws_internet_gateway" "app" {
  vpc_id = aws_vpc.app.id
  tags   = { Name = "app-igw" }
}

resource "aws_subnet" "public" {
  for_each          = { a = "10.0.0.0/24", b = "10.0.1.0/24" }
  vpc_id            = aws_vpc.app.id
  availability_zone = local.zones[each.key]
  cidr_block        = each.value
  tags              = { Name = "public-${each.key}" }
}

resource "aws_subnet" "private" {
  for_each          = { a = "10.0.10.0/24", b = "10.0.11.0/24" }
  vpc_id            = aws_vpc.app.id
  availability_zone = local.zones[each.key]
  cidr_block        = each.value
  tags              = { Name = "private-${each.key}" }
}

resource "aws_eip" "nat" {
  for_each = local.zones
  domain   = "vpc"
}

resource "aws_nat_gateway" "nat" {
  for_each      = local.zones
  subnet_id     = aws_subnet.public[each.key].id
  allocation_id = aws_eip.nat[each.key].id
  private_ip    = each.key == "a" ? "10.0.0.100" : "10.0.1.100"
  tags          = { Name = "nat-${each.key}" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.app.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.app.id
  }
  tags = { Name = "public" }
}

resource "aws_route_table" "private" {
  for_each = local.zones
  vpc_id   = aws_vpc.app.id
  tags     = { Name = "private-${each.key}" }
}

resource "aws_route" "private_default" {
  for_each               = local.zones
  route_table_id         = aws_route_table.private[each.key].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat[each.key].id
}

resource "aws_route_table_association" "public" {
  for_each       = local.zones
  subnet_id      = aws_subnet.public[each.key].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  for_each       = local.zones
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

resource "aws_security_group" "endpoints" {
  name        = "vpc-endpoints"
  description = "HTTPS from the VPC to the interface endpoints"
  vpc_id      = aws_vpc.app.id
  tags        = { Name = "vpc-endpoints" }
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.endpoints.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/16"
}

resource "aws_vpc_endpoint" "gateway" {
  for_each          = toset(["s3", "dynamodb"])
  vpc_id            = aws_vpc.app.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [for t in aws_route_table.private : t.id]
  tags              = { Name = each.key }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = { api-gateway = "execute-api", ssm = "ssm" }
  vpc_id              = aws_vpc.app.id
  service_name        = "com.amazonaws.eu-west-1.${each.value}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints.id]
  subnet_ids          = [for s in aws_subnet.private : s.id]
  dynamic "subnet_configuration" {
    for_each = aws_subnet.private
    content {
      subnet_id = subnet_configuration.value.id
      ipv4      = cidrhost(subnet_configuration.value.cidr_block, each.key == "ssm" ? 11 : 10)
    }
  }
  tags = { Name = each.key }
}

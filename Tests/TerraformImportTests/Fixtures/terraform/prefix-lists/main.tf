# Customer-managed prefix lists: one with entry blocks, one filled by aws_ec2_managed_prefix_list_entry;
# a route and security group rules (all three kinds) that use them.
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

resource "aws_ec2_managed_prefix_list" "corp" {
  name           = "corp-networks"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr        = "172.16.0.0/16"
    description = "head office"
  }
  entry {
    cidr        = "172.17.0.0/16"
    description = "branch offices"
  }
  tags = { Name = "corp" }
}

resource "aws_ec2_managed_prefix_list" "partners" {
  name           = "partners"
  address_family = "IPv4"
  max_entries    = 2
  tags           = { Name = "partners" }
}

resource "aws_ec2_managed_prefix_list_entry" "acme" {
  prefix_list_id = aws_ec2_managed_prefix_list.partners.id
  cidr           = "192.0.2.0/24"
  description    = "acme"
}

resource "aws_vpc" "edge" {
  cidr_block = "10.8.0.0/16"
  tags       = { Name = "edge" }
}

resource "aws_subnet" "app" {
  vpc_id            = aws_vpc.edge.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.8.1.0/24"
  tags              = { Name = "app" }
}

resource "aws_vpn_gateway" "corp" {
  vpc_id = aws_vpc.edge.id
  tags   = { Name = "corp-vgw" }
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.edge.id
  tags   = { Name = "app" }
}

resource "aws_route" "corp" {
  route_table_id             = aws_route_table.app.id
  destination_prefix_list_id = aws_ec2_managed_prefix_list.corp.id
  gateway_id                 = aws_vpn_gateway.corp.id
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app servers"
  vpc_id      = aws_vpc.edge.id
  tags        = { Name = "app" }
}

resource "aws_security_group_rule" "ssh_from_corp" {
  security_group_id = aws_security_group.app.id
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_ids   = [aws_ec2_managed_prefix_list.corp.id]
  description       = "ssh from the offices"
}

resource "aws_vpc_security_group_ingress_rule" "https_from_partners" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_ec2_managed_prefix_list.partners.id
  description       = "https from partners"
}

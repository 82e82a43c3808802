# samples/shared-services.yaml written as Terraform: a shared-services VPC with an API Gateway endpoint,
# three consumer VPCs peered to it (count), a VPN to the data centre and a Resolver inbound endpoint.
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

resource "aws_vpc" "shared" {
  cidr_block           = "10.10.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "shared-services" }
}

resource "aws_vpn_gateway" "dc" {
  vpc_id = aws_vpc.shared.id
  tags   = { Name = "to-datacenter" }
}

resource "aws_subnet" "shared" {
  count             = 2
  vpc_id            = aws_vpc.shared.id
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
  cidr_block        = "10.10.${count.index + 1}.0/24"
  tags              = { Name = "shared-${["a", "b"][count.index]}" }
}

resource "aws_default_route_table" "shared" {
  default_route_table_id = aws_vpc.shared.default_route_table_id
  tags                   = { Name = "shared" }
}

resource "aws_route" "shared_to_consumer" {
  count                     = 3
  route_table_id            = aws_default_route_table.shared.id
  destination_cidr_block    = "10.${20 + count.index}.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection.consumer[count.index].id
}

resource "aws_route" "shared_to_datacenter" {
  route_table_id         = aws_default_route_table.shared.id
  destination_cidr_block = "172.16.0.0/12"
  gateway_id             = aws_vpn_gateway.dc.id
}

resource "aws_security_group" "api_endpoint" {
  name   = "api-endpoint"
  vpc_id = aws_vpc.shared.id
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.20.0.0/16", "10.21.0.0/16", "10.22.0.0/16", "172.16.0.0/12"]
    description = "consumers and on-premises"
  }
  tags = { Name = "api-endpoint" }
}

resource "aws_security_group" "dns_inbound" {
  name   = "dns-inbound"
  vpc_id = aws_vpc.shared.id
  tags   = { Name = "dns-inbound" }
}

resource "aws_security_group_rule" "dns" {
  for_each          = toset(["udp", "tcp"])
  type              = "ingress"
  security_group_id = aws_security_group.dns_inbound.id
  protocol          = each.key
  from_port         = 53
  to_port           = 53
  cidr_blocks       = ["172.16.0.0/12"]
}

resource "aws_vpc_endpoint" "api" {
  vpc_id              = aws_vpc.shared.id
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
  security_group_ids  = [aws_security_group.api_endpoint.id]
  subnet_ids          = aws_subnet.shared[*].id
  dynamic "subnet_configuration" {
    for_each = aws_subnet.shared
    content {
      subnet_id = subnet_configuration.value.id
      ipv4      = cidrhost(subnet_configuration.value.cidr_block, 10)
    }
  }
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "arn:aws:execute-api:eu-west-1:111122223333:*/*" }]
  })
  tags = { Name = "api-gateway" }
}

resource "aws_route53_resolver_endpoint" "inbound" {
  name               = "from-datacenter"
  direction          = "INBOUND"
  security_group_ids = [aws_security_group.dns_inbound.id]
  ip_address {
    subnet_id = aws_subnet.shared[0].id
    ip        = "10.10.1.53"
  }
  ip_address {
    subnet_id = aws_subnet.shared[1].id
    ip        = "10.10.2.53"
  }
  tags = { Name = "from-datacenter" }
}

resource "aws_vpc" "consumer" {
  count      = 3
  cidr_block = "10.${20 + count.index}.0.0/16"
  tags       = { Name = "consumer-${["a", "b", "c"][count.index]}" }
}

resource "aws_subnet" "consumer" {
  count             = 6
  vpc_id            = aws_vpc.consumer[floor(count.index / 2)].id
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index % 2]
  cidr_block        = "10.${20 + floor(count.index / 2)}.${count.index % 2 + 1}.0/24"
  tags              = { Name = "consumer-${["a", "b", "c"][floor(count.index / 2)]}-1${["a", "b"][count.index % 2]}" }
}

resource "aws_default_route_table" "consumer" {
  count                  = 3
  default_route_table_id = aws_vpc.consumer[count.index].default_route_table_id
  route {
    cidr_block                = "10.10.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.consumer[count.index].id
  }
  tags = { Name = "consumer-${["a", "b", "c"][count.index]}" }
}

resource "aws_vpc_peering_connection" "consumer" {
  count       = 3
  vpc_id      = aws_vpc.consumer[count.index].id
  peer_vpc_id = aws_vpc.shared.id
  auto_accept = true
}

resource "aws_customer_gateway" "dc" {
  bgp_asn    = 65000
  ip_address = "198.51.100.10"
  type       = "ipsec.1"
  tags       = { Name = "Dublin data centre" }
}

resource "aws_vpn_connection" "dc" {
  vpn_gateway_id        = aws_vpn_gateway.dc.id
  customer_gateway_id   = aws_customer_gateway.dc.id
  type                  = "ipsec.1"
  tunnel1_preshared_key = "sensitive_psk_do_not_print"
  tags                  = { Name = "datacenter-vpn" }
}

resource "aws_route53_zone" "api" {
  name = "apigateway.eu-west-1.amazonaws.com"
  vpc {
    vpc_id = aws_vpc.shared.id
  }
}

# The consumers are associated apart (a dynamic `vpc` block would leave a plan no references to follow).
resource "aws_route53_zone_association" "consumer" {
  count   = 3
  zone_id = aws_route53_zone.api.zone_id
  vpc_id  = aws_vpc.consumer[count.index].id
}

resource "aws_route53_record" "api" {
  zone_id = aws_route53_zone.api.zone_id
  name    = "apigateway.eu-west-1.amazonaws.com"
  type    = "A"
  alias {
    name                   = aws_vpc_endpoint.api.dns_entry[0].dns_name
    zone_id                = aws_vpc_endpoint.api.dns_entry[0].hosted_zone_id
    evaluate_target_health = false
  }
}

# samples/multi-region.yaml written as Terraform: two provider configurations, a transit gateway in one region.
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

provider "aws" {
  alias                       = "frankfurt"
  region                      = "eu-central-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

resource "aws_vpc" "ingest" {
  cidr_block = "10.40.0.0/16"
  tags       = { Name = "ingest" }
}

resource "aws_subnet" "ingest" {
  for_each          = { a = 1, b = 2, c = 3 }
  vpc_id            = aws_vpc.ingest.id
  availability_zone = "eu-west-1${each.key}"
  cidr_block        = "10.40.${each.value}.0/24"
  tags              = { Name = "ingest-${each.key}" }
}

resource "aws_default_route_table" "ingest" {
  default_route_table_id = aws_vpc.ingest.default_route_table_id
  route {
    cidr_block         = "10.0.0.0/8"
    transit_gateway_id = aws_ec2_transit_gateway.core.id
  }
  tags = { Name = "ingest" }
}

resource "aws_vpc_endpoint" "ingest_s3" {
  vpc_id          = aws_vpc.ingest.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_default_route_table.ingest.id]
}

resource "aws_ec2_transit_gateway" "core" {
  amazon_side_asn = 64512
  tags            = { Name = "core" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "ingest" {
  transit_gateway_id = aws_ec2_transit_gateway.core.id
  vpc_id             = aws_vpc.ingest.id
  subnet_ids         = [for s in aws_subnet.ingest : s.id]
}

resource "aws_vpc" "analytics" {
  provider             = aws.frankfurt
  cidr_block           = "10.50.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "analytics" }
}

resource "aws_internet_gateway" "analytics" {
  provider = aws.frankfurt
  vpc_id   = aws_vpc.analytics.id
}

resource "aws_subnet" "analytics" {
  provider          = aws.frankfurt
  for_each          = { public-a = ["a", "10.50.0.0/24"], private-a = ["a", "10.50.10.0/24"], private-b = ["b", "10.50.11.0/24"] }
  vpc_id            = aws_vpc.analytics.id
  availability_zone = "eu-central-1${each.value[0]}"
  cidr_block        = each.value[1]
  tags              = { Name = each.key }
}

resource "aws_eip" "nat" {
  provider = aws.frankfurt
  domain   = "vpc"
}

resource "aws_nat_gateway" "analytics" {
  provider      = aws.frankfurt
  subnet_id     = aws_subnet.analytics["public-a"].id
  allocation_id = aws_eip.nat.id
  private_ip    = "10.50.0.10"
}

resource "aws_route_table" "public" {
  provider = aws.frankfurt
  vpc_id   = aws_vpc.analytics.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.analytics.id
  }
  tags = { Name = "public" }
}

resource "aws_route_table_association" "public" {
  provider       = aws.frankfurt
  subnet_id      = aws_subnet.analytics["public-a"].id
  route_table_id = aws_route_table.public.id
}

resource "aws_default_route_table" "private" {
  provider               = aws.frankfurt
  default_route_table_id = aws_vpc.analytics.default_route_table_id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.analytics.id
  }
  tags = { Name = "private" }
}

resource "aws_vpc_endpoint" "analytics_s3" {
  provider        = aws.frankfurt
  vpc_id          = aws_vpc.analytics.id
  service_name    = "com.amazonaws.eu-central-1.s3"
  route_table_ids = [aws_default_route_table.private.id]
  tags            = { Name = "s3-eu-central-1" }
}

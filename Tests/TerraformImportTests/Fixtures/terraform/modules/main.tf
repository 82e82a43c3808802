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

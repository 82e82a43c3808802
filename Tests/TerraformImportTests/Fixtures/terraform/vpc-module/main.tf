# A typical call of terraform-aws-modules/vpc (3 AZs; public, private and database subnets; one NAT
# gateway per AZ) and of its vpc-endpoints submodule (an s3 gateway endpoint, two interface
# endpoints). There is no registry access here: ./vpc and ./vpc-endpoints are local stand-ins
# written for this fixture that create the same resources at the same addresses
# (module.vpc.aws_subnet.private[0], module.vpc.aws_route.private_nat_gateway[0],
# module.vpc.aws_default_route_table.default[0], module.endpoints.aws_vpc_endpoint.this["s3"], ...)
# from the same inputs. ../vpc-hand is the same network written as plain resources.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "vpc" {
  source = "./vpc" # terraform-aws-modules/vpc/aws

  name = "app"
  cidr = "10.0.0.0/16"

  azs              = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnets  = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets   = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  database_subnets = ["10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24"]

  enable_nat_gateway     = true
  one_nat_gateway_per_az = true
}

module "endpoints" {
  source = "./vpc-endpoints" # terraform-aws-modules/vpc/aws//modules/vpc-endpoints

  vpc_id                     = module.vpc.vpc_id
  create_security_group      = true
  security_group_name_prefix = "app-endpoints-"
  security_group_rules = {
    ingress_https = { description = "HTTPS from the VPC", cidr_blocks = [module.vpc.vpc_cidr_block] }
  }

  endpoints = {
    s3 = {
      service         = "s3"
      service_type    = "Gateway"
      route_table_ids = module.vpc.private_route_table_ids
      tags            = { Name = "s3" }
    }
    ssm = {
      service             = "ssm"
      private_dns_enabled = true
      subnet_ids          = module.vpc.private_subnets
      tags                = { Name = "ssm" }
    }
    ec2messages = {
      service             = "ec2messages"
      private_dns_enabled = true
      subnet_ids          = module.vpc.private_subnets
      tags                = { Name = "ec2messages" }
    }
  }
}

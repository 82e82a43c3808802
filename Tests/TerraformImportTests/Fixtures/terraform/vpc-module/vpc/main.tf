# Stand-in for terraform-aws-modules/vpc/aws, written for this fixture: the resources, addresses and
# defaults the module has for the inputs ../main.tf gives (manage_default_route_table,
# manage_default_network_acl and manage_default_security_group on; the database subnets use the
# private route tables; the database subnet group made). Not the module's code.
variable "name" { type = string }
variable "cidr" { type = string }
variable "azs" { type = list(string) }
variable "public_subnets" { type = list(string) }
variable "private_subnets" { type = list(string) }
variable "database_subnets" { type = list(string) }
variable "enable_nat_gateway" { type = bool }
variable "one_nat_gateway_per_az" { type = bool }

locals {
  nat_gateway_count = var.enable_nat_gateway ? (var.one_nat_gateway_per_az ? length(var.azs) : 1) : 0
  # The module refers to its VPC through a local (secondary CIDR blocks first): references stop here.
  vpc_id = try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id, "")
}

resource "aws_vpc" "this" {
  count                = 1
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = { Name = var.name }
}

resource "aws_vpc_ipv4_cidr_block_association" "this" {
  count      = 0
  vpc_id     = aws_vpc.this[0].id
  cidr_block = "10.1.0.0/16"
}

resource "aws_default_security_group" "this" {
  count  = 1
  vpc_id = aws_vpc.this[0].id
  tags   = { Name = "${var.name}-default" }
}

resource "aws_default_network_acl" "this" {
  count                  = 1
  default_network_acl_id = aws_vpc.this[0].default_network_acl_id
  # Every subnet not in a dedicated network ACL (the module's intra subnets and dedicated ACLs are off here).
  subnet_ids = setsubtract(
    compact(flatten([aws_subnet.public[*].id, aws_subnet.private[*].id, aws_subnet.intra[*].id, aws_subnet.database[*].id])),
    compact(flatten([aws_network_acl.public[*].subnet_ids])),
  )

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
  tags = { Name = "${var.name}-default" }
}

resource "aws_default_route_table" "default" {
  count                  = 1
  default_route_table_id = aws_vpc.this[0].default_route_table_id
  tags                   = { Name = "${var.name}-default" }
}

resource "aws_internet_gateway" "this" {
  count  = length(var.public_subnets) > 0 ? 1 : 0
  vpc_id = local.vpc_id
  tags   = { Name = var.name }
}

resource "aws_subnet" "public" {
  count                   = length(var.public_subnets)
  vpc_id                  = local.vpc_id
  cidr_block              = element(concat(var.public_subnets, [""]), count.index)
  availability_zone       = element(var.azs, count.index)
  map_public_ip_on_launch = false
  tags                    = { Name = format("${var.name}-public-%s", element(var.azs, count.index)) }
}

resource "aws_route_table" "public" {
  count  = length(var.public_subnets) > 0 ? 1 : 0
  vpc_id = local.vpc_id
  tags   = { Name = "${var.name}-public" }
}

resource "aws_route_table_association" "public" {
  count          = length(var.public_subnets)
  subnet_id      = element(aws_subnet.public[*].id, count.index)
  route_table_id = aws_route_table.public[0].id
}

resource "aws_route" "public_internet_gateway" {
  count                  = length(var.public_subnets) > 0 ? 1 : 0
  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
  timeouts { create = "5m" }
}

resource "aws_subnet" "private" {
  count             = length(var.private_subnets)
  vpc_id            = local.vpc_id
  cidr_block        = element(concat(var.private_subnets, [""]), count.index)
  availability_zone = element(var.azs, count.index)
  tags              = { Name = format("${var.name}-private-%s", element(var.azs, count.index)) }
}

resource "aws_route_table" "private" {
  count  = local.nat_gateway_count
  vpc_id = local.vpc_id
  tags   = { Name = format("${var.name}-private-%s", element(var.azs, count.index)) }
}

resource "aws_route_table_association" "private" {
  count          = length(var.private_subnets)
  subnet_id      = element(aws_subnet.private[*].id, count.index)
  route_table_id = element(aws_route_table.private[*].id, count.index)
}

resource "aws_subnet" "database" {
  count             = length(var.database_subnets)
  vpc_id            = local.vpc_id
  cidr_block        = element(concat(var.database_subnets, [""]), count.index)
  availability_zone = element(var.azs, count.index)
  tags              = { Name = format("${var.name}-db-%s", element(var.azs, count.index)) }
}

# create_database_subnet_route_table is off: no database route table, the private ones are used.
resource "aws_route_table" "database" {
  count  = 0
  vpc_id = local.vpc_id
  tags   = { Name = "${var.name}-db" }
}

resource "aws_route_table_association" "database" {
  count          = length(var.database_subnets)
  subnet_id      = element(aws_subnet.database[*].id, count.index)
  route_table_id = element(coalescelist(aws_route_table.database[*].id, aws_route_table.private[*].id), count.index)
}

# No intra subnets and no dedicated public network ACL in this call: both resources have count 0.
resource "aws_subnet" "intra" {
  count             = 0
  vpc_id            = local.vpc_id
  cidr_block        = "10.0.51.0/24"
  availability_zone = element(var.azs, count.index)
}

resource "aws_network_acl" "public" {
  count      = 0
  vpc_id     = local.vpc_id
  subnet_ids = aws_subnet.public[*].id
}

resource "aws_db_subnet_group" "database" {
  count       = length(var.database_subnets) > 0 ? 1 : 0
  name        = lower(var.name)
  description = "Database subnet group for ${var.name}"
  subnet_ids  = aws_subnet.database[*].id
  tags        = { Name = lower(var.name) }
}

locals {
  nat_gateway_ips = aws_eip.nat[*].id
}

resource "aws_eip" "nat" {
  count  = local.nat_gateway_count
  domain = "vpc"
  tags   = { Name = format("${var.name}-%s", element(var.azs, count.index)) }

  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  count         = local.nat_gateway_count
  allocation_id = element(local.nat_gateway_ips, count.index)
  subnet_id     = element(aws_subnet.public[*].id, count.index)
  tags          = { Name = format("${var.name}-%s", element(var.azs, count.index)) }

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route" "private_nat_gateway" {
  count                  = local.nat_gateway_count
  route_table_id         = element(aws_route_table.private[*].id, count.index)
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = element(aws_nat_gateway.this[*].id, count.index)
  timeouts { create = "5m" }
}

output "vpc_id" { value = try(aws_vpc.this[0].id, null) }
output "vpc_cidr_block" { value = try(aws_vpc.this[0].cidr_block, null) }
output "private_subnets" { value = aws_subnet.private[*].id }
output "public_subnets" { value = aws_subnet.public[*].id }
output "database_subnets" { value = aws_subnet.database[*].id }
output "private_route_table_ids" { value = aws_route_table.private[*].id }
output "public_route_table_ids" { value = aws_route_table.public[*].id }

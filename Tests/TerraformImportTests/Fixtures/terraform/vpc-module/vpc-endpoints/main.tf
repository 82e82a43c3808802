# Stand-in for terraform-aws-modules/vpc/aws//modules/vpc-endpoints, written for this fixture: the
# service looked up by a data source per endpoint, one aws_vpc_endpoint per key of `endpoints`, and
# the optional security group with for_each rules. Not the module's code.
variable "vpc_id" { type = string }
variable "endpoints" { type = any }
variable "security_group_ids" {
  type    = list(string)
  default = []
}
variable "subnet_ids" {
  type    = list(string)
  default = []
}
variable "create_security_group" {
  type    = bool
  default = false
}
variable "security_group_name_prefix" {
  type    = string
  default = null
}
variable "security_group_rules" {
  type    = any
  default = {}
}

data "aws_vpc_endpoint_service" "this" {
  for_each = var.endpoints
  service  = lookup(each.value, "service", null)
  filter {
    name   = "service-type"
    values = [lookup(each.value, "service_type", "Interface")]
  }
}

resource "aws_vpc_endpoint" "this" {
  for_each = var.endpoints

  vpc_id            = var.vpc_id
  service_name      = data.aws_vpc_endpoint_service.this[each.key].service_name
  vpc_endpoint_type = lookup(each.value, "service_type", "Interface")

  security_group_ids  = lookup(each.value, "service_type", "Interface") == "Interface" ? distinct(concat(var.security_group_ids, aws_security_group.this[*].id, lookup(each.value, "security_group_ids", []))) : null
  subnet_ids          = lookup(each.value, "service_type", "Interface") == "Interface" ? distinct(concat(var.subnet_ids, lookup(each.value, "subnet_ids", []))) : null
  route_table_ids     = lookup(each.value, "service_type", "Interface") == "Gateway" ? lookup(each.value, "route_table_ids", null) : null
  policy              = lookup(each.value, "policy", null)
  private_dns_enabled = lookup(each.value, "service_type", "Interface") == "Interface" ? lookup(each.value, "private_dns_enabled", null) : null

  tags = lookup(each.value, "tags", {})
}

resource "aws_security_group" "this" {
  count       = var.create_security_group ? 1 : 0
  name_prefix = var.security_group_name_prefix
  description = "VPC endpoints security group"
  vpc_id      = var.vpc_id
  tags        = { Name = "app-endpoints" }
  lifecycle { create_before_destroy = true }
}

resource "aws_security_group_rule" "this" {
  for_each = var.create_security_group ? var.security_group_rules : {}

  security_group_id = aws_security_group.this[0].id
  type              = lookup(each.value, "type", "ingress")
  protocol          = lookup(each.value, "protocol", "tcp")
  from_port         = lookup(each.value, "from_port", 443)
  to_port           = lookup(each.value, "to_port", 443)
  cidr_blocks       = lookup(each.value, "cidr_blocks", null)
  description       = lookup(each.value, "description", null)
}

output "endpoints" { value = aws_vpc_endpoint.this }

#!/usr/bin/env python3
"""Where moto answers unlike AWS, make the state say what AWS would: moto gives a NAT gateway a random
private IP (outside its subnet) whatever `private_ip` asks for; AWS uses the address asked for. Where
nothing was asked for, moto's random address (a NAT gateway's, an interface endpoint's in a subnet)
is outside the subnet, where AWS would pick one inside: it is blanked, as the state cannot say which.
Usage: terraform-fixup-moto.py PLAN.json STATE.json TERRAFORM.tfstate (both state files rewritten in place)."""
import ipaddress, json, sys

plan_path, state_path, raw_path = sys.argv[1:4]
plan = json.load(open(plan_path))
asked = {}
for change in plan.get("resource_changes", []):
    after = (change.get("change") or {}).get("after") or {}
    if change.get("type") == "aws_nat_gateway" and after.get("private_ip"):
        asked[change["address"]] = after["private_ip"]

state = json.load(open(state_path))
def walk(module):
    for r in module.get("resources", []):
        if r["address"] in asked:
            r["values"]["private_ip"] = asked[r["address"]]
    for child in module.get("child_modules", []):
        walk(child)
walk(state.get("values", {}).get("root_module", {}))
with open(state_path, "w") as f:
    json.dump(state, f, indent=2)
    f.write("\n")

raw = json.load(open(raw_path))
for r in raw.get("resources", []):
    for instance in r.get("instances", []):
        key = instance.get("index_key")
        address = (r["module"] + "." if r.get("module") else "") + f'{r["type"]}.{r["name"]}'
        if isinstance(key, int):
            address += f"[{key}]"
        elif isinstance(key, str):
            address += "[" + json.dumps(key) + "]"
        if address in asked:
            instance["attributes"]["private_ip"] = asked[address]
with open(raw_path, "w") as f:
    json.dump(raw, f, indent=2)
    f.write("\n")


def blank_outside(resources):
    """resources: (type, attributes) pairs of one state; blanks moto's addresses outside their subnet."""
    cidrs = {a.get("id"): a.get("cidr_block") for t, a in resources if t == "aws_subnet"}
    def inside(ip, subnet):
        try:
            return ipaddress.ip_address(ip) in ipaddress.ip_network(cidrs[subnet])
        except (KeyError, TypeError, ValueError):
            return True
    for t, a in resources:
        if t == "aws_nat_gateway" and a.get("private_ip") and not inside(a["private_ip"], a.get("subnet_id")):
            a["private_ip"] = ""
        if t == "aws_vpc_endpoint":
            for c in a.get("subnet_configuration") or []:
                if c.get("ipv4") and not inside(c["ipv4"], c.get("subnet_id")):
                    c["ipv4"] = ""

state = json.load(open(state_path))
found = []
def collect(module):
    for r in module.get("resources", []):
        found.append((r["type"], r["values"]))
    for child in module.get("child_modules", []):
        collect(child)
collect(state.get("values", {}).get("root_module", {}))
blank_outside(found)
with open(state_path, "w") as f:
    json.dump(state, f, indent=2)
    f.write("\n")

raw = json.load(open(raw_path))
blank_outside([(r["type"], i["attributes"]) for r in raw.get("resources", []) if r.get("mode") == "managed" for i in r.get("instances", [])])
with open(raw_path, "w") as f:
    json.dump(raw, f, indent=2)
    f.write("\n")

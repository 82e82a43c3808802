#!/usr/bin/env python3
"""Where moto answers unlike AWS, make the state say what AWS would: moto gives a NAT gateway a random
private IP (outside its subnet) whatever `private_ip` asks for; AWS uses the address asked for.
Usage: terraform-fixup-moto.py PLAN.json STATE.json TERRAFORM.tfstate (both state files rewritten in place)."""
import json, sys

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

#!/bin/sh
# Regenerates the Terraform fixtures of Tests/TerraformImportTests/Fixtures/terraform/<case>/ from <case>/main.tf:
#   plan.json   `terraform show -json` of `terraform plan` (offline: no credentials, no AWS calls; against
#               moto when the case reads data sources, which Terraform reads while planning)
#   state.json  `terraform show -json` after `terraform apply` against a moto server on loopback
#   terraform.tfstate  the raw state file of that apply
# then scripts/terraform-fixup-moto.py corrects what moto answers unlike AWS (a NAT gateway's private IP).
# Needs terraform, the AWS provider in /opt/tf-plugins (see terraformrc) and moto_server. Usage: scripts/terraform-fixtures.sh CASE…
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures=$here/Tests/TerraformImportTests/Fixtures/terraform
export TF_CLI_CONFIG_FILE=$fixtures/terraformrc TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
for case in "$@"; do
  work=$(mktemp -d)
  cp -R "$fixtures/$case/." "$work/"
  rm -f "$work/plan.json" "$work/state.json" "$work/terraform.tfstate" "$work"/*.yaml "$work"/*.dot "$work"/*.svg "$work"/*.md
  (cd "$work" && terraform init -input=false -no-color >/dev/null)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  moto_server -p "$port" >"$work/moto.log" 2>&1 &
  moto=$!
  trap 'kill $moto 2>/dev/null || true' EXIT
  sleep 2
  # Every provider configuration of main.tf talks to moto.
  python3 - "$work" "$port" <<'PY'
import re, sys
work, port = sys.argv[1], sys.argv[2]
tf = open(f"{work}/main.tf").read()
aliases = re.findall(r'alias\s*=\s*"([^"]+)"', tf)
endpoints = "\n".join(f'    {s} = "http://127.0.0.1:{port}"' for s in ["ec2", "sts", "rds", "route53", "route53resolver"])
def block(alias):
    head = f'  alias = "{alias}"\n' if alias else ""
    return 'provider "aws" {\n' + head + "  endpoints {\n" + endpoints + "\n  }\n}\n"
blocks = [block(a) for a in [None] + aliases]
open(f"{work}/moto_override.tf.moto", "w").write("\n".join(blocks))
PY
  # Data sources are read at plan time: such a case is planned against moto too (the endpoints the
  # override adds are taken out of the plan's configuration again); the others offline.
  if grep -rqs '^data "' "$work" --include=*.tf; then cp "$work/moto_override.tf.moto" "$work/moto_override.tf"; fi
  (cd "$work" && terraform plan -refresh=false -input=false -no-color -out=plan.bin >/dev/null &&
    terraform show -json plan.bin | python3 -c '
import json, sys
plan = json.load(sys.stdin)
for config in plan.get("configuration", {}).get("provider_config", {}).values():
    config.get("expressions", {}).pop("endpoints", None)
json.dump(plan, sys.stdout, indent=2)
print()' > "$fixtures/$case/plan.json")
  cp "$work/moto_override.tf.moto" "$work/moto_override.tf"
  (cd "$work" && terraform apply -auto-approve -input=false -no-color >/dev/null &&
    terraform show -json | python3 -m json.tool --indent 2 > "$fixtures/$case/state.json" &&
    cp terraform.tfstate "$fixtures/$case/terraform.tfstate")
  kill $moto; wait $moto 2>/dev/null || true
  python3 "$here/scripts/terraform-fixup-moto.py" "$fixtures/$case/plan.json" "$fixtures/$case/state.json" "$fixtures/$case/terraform.tfstate"
  trap - EXIT
  rm -rf "$work"
  echo "wrote $fixtures/$case/{plan.json,state.json,terraform.tfstate}"
done

#!/usr/bin/env python3
"""Checks a SARIF log (a file, or stdin) against the structure SARIF 2.1.0 requires of what vpcgraph
writes, with jsonschema (installed by `make test-deps`); fetches nothing. The schema below is
written from the OASIS SARIF 2.1.0 specification (sections 3.13 sarifLog, 3.14 run, 3.18 tool,
3.19 toolComponent, 3.49 reportingDescriptor, 3.27 result, 3.28 location, 3.29 physicalLocation,
3.4 artifactLocation, 3.30 region, 3.11 message) for the properties vpcgraph uses, with the
official schema's `additionalProperties: false` where it has it, so an unknown or misspelt
property fails; then checks what a schema cannot: each result's ruleIndex points at its ruleId.
Prints the problems and exits 1, or prints nothing and exits 0."""
import json
import re
import sys

import jsonschema

message = {"type": "object", "required": ["text"], "additionalProperties": False,
           "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}}}
multiformat = {"type": "object", "required": ["text"], "additionalProperties": False,
               "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}}}
region = {"type": "object", "additionalProperties": False, "minProperties": 1,
          "properties": {"startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1},
                         "endLine": {"type": "integer", "minimum": 1}, "endColumn": {"type": "integer", "minimum": 1}}}
artifact_location = {"type": "object", "required": ["uri"], "additionalProperties": False,
                     "properties": {"uri": {"type": "string", "format": "uri-reference", "minLength": 1}, "uriBaseId": {"type": "string"}}}
location = {"type": "object", "additionalProperties": False,
            "properties": {"id": {"type": "integer", "minimum": -1},
                           "physicalLocation": {"type": "object", "required": ["artifactLocation"], "additionalProperties": False,
                                                "properties": {"artifactLocation": artifact_location, "region": region}},
                           "logicalLocations": {"type": "array", "minItems": 1, "items": {
                               "type": "object", "additionalProperties": False,
                               "properties": {"fullyQualifiedName": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}}}},
                           "message": message}}
level = {"enum": ["none", "note", "warning", "error"]}
rule = {"type": "object", "required": ["id"], "additionalProperties": False,
        "properties": {"id": {"type": "string", "minLength": 1}, "name": {"type": "string"},
                       "shortDescription": multiformat, "fullDescription": multiformat, "help": multiformat,
                       "defaultConfiguration": {"type": "object", "additionalProperties": False, "properties": {"level": level}},
                       "properties": {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True}}}}}
result = {"type": "object", "required": ["message"], "additionalProperties": False,
          "properties": {"ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1}, "level": level, "message": message,
                         "locations": {"type": "array", "items": location},
                         "relatedLocations": {"type": "array", "items": location, "uniqueItems": True}}}
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object", "required": ["version", "runs"], "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {"type": ["array", "null"], "items": {
            "type": "object", "required": ["tool"], "additionalProperties": False,
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "additionalProperties": False, "properties": {
                    "driver": {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
                        "name": {"type": "string", "minLength": 1}, "informationUri": {"type": "string", "format": "uri"},
                        "version": {"type": "string"}, "semanticVersion": {"type": "string"},
                        "rules": {"type": "array", "items": rule, "uniqueItems": True}}}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": {"type": ["array", "null"], "items": result}}}},
    },
}


def problems(log):
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
             for e in jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log)]
    if found:
        return found
    # RFC 3986 URI-reference characters (jsonschema checks "format" only with optional packages).
    uri = re.compile(r"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$")
    for r, run in enumerate(log["runs"] or []):
        for i, res in enumerate(run.get("results") or []):
            for loc in res.get("locations", []) + res.get("relatedLocations", []):
                u = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                if u is not None and not uri.match(u):
                    found.append(f"runs/{r}/results/{i}: uri {u!r} is not a URI reference")
        rules = run["tool"]["driver"].get("rules", [])
        ids = [x["id"] for x in rules]
        if len(set(ids)) != len(ids):
            found.append(f"runs/{r}: rule ids are not unique")
        for i, res in enumerate(run.get("results") or []):
            if "ruleIndex" in res:
                k = res["ruleIndex"]
                if not 0 <= k < len(rules) or rules[k]["id"] != res.get("ruleId"):
                    found.append(f"runs/{r}/results/{i}: ruleIndex {k} does not point at rule '{res.get('ruleId')}'")
    return found


if __name__ == "__main__":
    text = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    out = problems(json.loads(text))
    for p in out:
        print(p)
    sys.exit(1 if out else 0)

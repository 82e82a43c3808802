/// The JSON Schema (draft 2020-12) of the topology format, printed by `vpcgraph schema` and committed
/// as `schema/topology.schema.json` (a test keeps the two equal). Editors use it through the YAML
/// language server: `# yaml-language-server: $schema=…` on a topology's first line.
/// Keys and required fields follow `TopologyParser`; what the schema cannot say (references between
/// ids, CIDR arithmetic) `vpcgraph check` does.
public enum TopologySchema {
    public static let json = #"""
{
  "$defs": {
    "attachment": {
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "peer": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "subnets": {
          "$ref": "#/$defs/strings"
        },
        "vpc": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "vpn": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "egressRule": {
      "additionalProperties": false,
      "properties": {
        "aws_ports": {
          "items": {
            "type": [
              "integer",
              "null"
            ]
          },
          "maxItems": 2,
          "minItems": 2,
          "type": "array"
        },
        "description": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "icmp_code": {
          "type": "integer"
        },
        "icmp_type": {
          "type": "integer"
        },
        "ports": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "protocol": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "to": {
          "$ref": "#/$defs/strings"
        }
      },
      "type": "object"
    },
    "endpoint": {
      "additionalProperties": false,
      "properties": {
        "dns_names": {
          "$ref": "#/$defs/strings"
        },
        "dns_suffix": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "interfaces": {
          "$ref": "#/$defs/interfaces"
        },
        "ip": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "policy": {
          "description": "endpoint policy: JSON text or a mapping",
          "type": [
            "string",
            "object",
            "null"
          ]
        },
        "prefix_list": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "private_dns": {
          "type": "boolean"
        },
        "private_dns_name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "route_tables": {
          "$ref": "#/$defs/strings"
        },
        "security_groups": {
          "$ref": "#/$defs/strings"
        },
        "service": {
          "description": "short (s3, execute-api) or full (com.amazonaws.eu-west-1.s3) service name",
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "state": {
          "enum": [
            "pending",
            "pending-acceptance"
          ]
        },
        "subnet": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "type": {
          "enum": [
            "interface",
            "gateway",
            "gateway_load_balancer"
          ]
        },
        "unknown_ip_subnets": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "id",
        "service"
      ],
      "type": "object"
    },
    "hostedZone": {
      "additionalProperties": false,
      "properties": {
        "alias": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "records": {
          "items": {
            "$ref": "#/$defs/record"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "vpcs": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "name"
      ],
      "type": "object"
    },
    "ignore": {
      "description": "advice accepted for this resource ('vpcgraph rules' lists the advice rules); a reason is required",
      "items": {
        "additionalProperties": false,
        "properties": {
          "reason": {
            "minLength": 1,
            "type": "string"
          },
          "rule": {
            "type": "string"
          }
        },
        "required": [
          "rule",
          "reason"
        ],
        "type": "object"
      },
      "type": [
        "array",
        "null"
      ]
    },
    "ingressRule": {
      "additionalProperties": false,
      "properties": {
        "aws_ports": {
          "items": {
            "type": [
              "integer",
              "null"
            ]
          },
          "maxItems": 2,
          "minItems": 2,
          "type": "array"
        },
        "description": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "from": {
          "$ref": "#/$defs/strings"
        },
        "icmp_code": {
          "type": "integer"
        },
        "icmp_type": {
          "type": "integer"
        },
        "ports": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "protocol": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "type": "object"
    },
    "interfaces": {
      "additionalProperties": {
        "type": [
          "string",
          "number",
          "boolean"
        ]
      },
      "description": "a mapping (subnet id: IP address) or a list of {subnet, ip, eni}",
      "items": {
        "additionalProperties": false,
        "properties": {
          "eni": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "ip": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "subnet": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "required": [
          "subnet",
          "ip"
        ],
        "type": "object"
      },
      "type": [
        "object",
        "array",
        "null"
      ]
    },
    "namedID": {
      "additionalProperties": false,
      "description": "an id, or {id, name}",
      "properties": {
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": [
        "string",
        "object"
      ]
    },
    "natGateway": {
      "additionalProperties": false,
      "properties": {
        "connectivity": {
          "enum": [
            "public",
            "private"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "private_ip": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "public_ip": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "state": {
          "enum": [
            "pending",
            "provisioning"
          ]
        },
        "subnet": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id",
        "subnet"
      ],
      "type": "object"
    },
    "onPremises": {
      "additionalProperties": false,
      "properties": {
        "cidrs": {
          "$ref": "#/$defs/strings"
        },
        "dns_servers": {
          "$ref": "#/$defs/strings"
        },
        "forward": {
          "additionalProperties": {
            "$ref": "#/$defs/strings"
          },
          "description": "domain: resolver endpoint id or DNS server IPs",
          "type": [
            "object",
            "null"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "peering": {
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "vpcs": {
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "maxItems": 2,
          "minItems": 2,
          "type": "array"
        }
      },
      "required": [
        "id",
        "vpcs"
      ],
      "type": "object"
    },
    "record": {
      "additionalProperties": false,
      "properties": {
        "alias": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "type": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "values": {
          "$ref": "#/$defs/strings"
        }
      },
      "type": "object"
    },
    "region": {
      "additionalProperties": false,
      "properties": {
        "peerings": {
          "items": {
            "$ref": "#/$defs/peering"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "private_hosted_zones": {
          "items": {
            "$ref": "#/$defs/hostedZone"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "resolver_rules": {
          "items": {
            "$ref": "#/$defs/resolverRule"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "transit_gateways": {
          "items": {
            "$ref": "#/$defs/transitGateway"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "vpcs": {
          "items": {
            "$ref": "#/$defs/vpc"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "vpn_connections": {
          "items": {
            "$ref": "#/$defs/vpnConnection"
          },
          "type": [
            "array",
            "null"
          ]
        }
      },
      "type": [
        "object",
        "null"
      ]
    },
    "resolverEndpoint": {
      "additionalProperties": false,
      "properties": {
        "direction": {
          "enum": [
            "inbound",
            "outbound"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "ips": {
          "$ref": "#/$defs/interfaces"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "security_groups": {
          "$ref": "#/$defs/strings"
        },
        "unknown_ips": {
          "type": "integer"
        }
      },
      "required": [
        "id",
        "direction"
      ],
      "type": "object"
    },
    "resolverRule": {
      "additionalProperties": false,
      "properties": {
        "domain": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "resolver_endpoint": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "targets": {
          "$ref": "#/$defs/strings"
        },
        "vpcs": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "id",
        "domain"
      ],
      "type": "object"
    },
    "route": {
      "additionalProperties": false,
      "properties": {
        "destination": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "propagated": {
          "type": "boolean"
        },
        "state": {
          "enum": [
            "active",
            "blackhole",
            "filtered"
          ]
        },
        "target": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "target_state": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "destination",
        "target"
      ],
      "type": "object"
    },
    "routeTable": {
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "main": {
          "type": "boolean"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "routes": {
          "additionalProperties": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "a mapping (destination: target) or a list of {destination, target, state}",
          "items": {
            "$ref": "#/$defs/route"
          },
          "type": [
            "object",
            "array",
            "null"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "securityGroup": {
      "additionalProperties": false,
      "properties": {
        "description": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "egress": {
          "items": {
            "$ref": "#/$defs/egressRule"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "ingress": {
          "items": {
            "$ref": "#/$defs/ingressRule"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "strings": {
      "description": "a string, or a list of strings",
      "items": {
        "type": [
          "string",
          "number",
          "boolean"
        ]
      },
      "type": [
        "string",
        "array",
        "null"
      ]
    },
    "subnet": {
      "additionalProperties": false,
      "description": "A subnet: its id, availability zone and CIDR; the route table it is associated with (else the main one)",
      "properties": {
        "az": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "az_id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "cidr": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "map_public_ip": {
          "type": "boolean"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "owner": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "public": {
          "type": "boolean"
        },
        "route_table": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id",
        "az",
        "cidr"
      ],
      "type": "object"
    },
    "transitGateway": {
      "additionalProperties": false,
      "properties": {
        "asn": {
          "type": "integer"
        },
        "attachments": {
          "items": {
            "$ref": "#/$defs/attachment"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "vpc": {
      "additionalProperties": false,
      "properties": {
        "cidr": {
          "$ref": "#/$defs/strings"
        },
        "dns": {
          "additionalProperties": false,
          "properties": {
            "hostnames": {
              "enum": [
                true,
                false,
                "unknown"
              ],
              "type": [
                "boolean",
                "string"
              ]
            },
            "support": {
              "enum": [
                true,
                false,
                "unknown"
              ],
              "type": [
                "boolean",
                "string"
              ]
            }
          },
          "type": [
            "object",
            "null"
          ]
        },
        "endpoints": {
          "items": {
            "$ref": "#/$defs/endpoint"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "internet_gateway": {
          "$ref": "#/$defs/namedID"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "nat_gateways": {
          "items": {
            "$ref": "#/$defs/natGateway"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "owner": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "reaches": {
          "$ref": "#/$defs/strings"
        },
        "resolver_endpoints": {
          "items": {
            "$ref": "#/$defs/resolverEndpoint"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "route_tables": {
          "items": {
            "$ref": "#/$defs/routeTable"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "security_groups": {
          "items": {
            "$ref": "#/$defs/securityGroup"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "subnets": {
          "items": {
            "$ref": "#/$defs/subnet"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "vpn_gateway": {
          "$ref": "#/$defs/namedID"
        }
      },
      "required": [
        "id",
        "cidr"
      ],
      "type": "object"
    },
    "vpnConnection": {
      "additionalProperties": false,
      "properties": {
        "customer_gateway": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "id": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignore": {
          "$ref": "#/$defs/ignore"
        },
        "name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "on_premises": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "transit_gateway": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "vpn_gateway": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    }
  },
  "$id": "https://github.com/vpcgraph/vpcgraph/schema/topology.schema.json",
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "additionalProperties": false,
  "description": "A network as vpcgraph reads it (YAML or JSON): regions, their VPCs, subnets, route tables, gateways, endpoints and DNS. Every key is described in the README.",
  "properties": {
    "description": {
      "type": [
        "string",
        "number",
        "boolean"
      ]
    },
    "on_premises": {
      "items": {
        "$ref": "#/$defs/onPremises"
      },
      "type": [
        "array",
        "null"
      ]
    },
    "regions": {
      "additionalProperties": {
        "$ref": "#/$defs/region"
      },
      "description": "region code (eu-west-1) → region",
      "propertyNames": {
        "pattern": "^[a-z]{2}(-[a-z]+)+-[0-9]+$"
      },
      "type": "object"
    },
    "title": {
      "type": [
        "string",
        "number",
        "boolean"
      ]
    }
  },
  "required": [
    "regions"
  ],
  "title": "vpcgraph topology",
  "type": "object"
}
"""#
}

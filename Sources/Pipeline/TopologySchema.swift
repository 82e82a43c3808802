/// The JSON Schema (draft 2020-12) of the topology format, printed by `vpcgraph schema` and committed
/// as `schema/topology.schema.json` (a test keeps the two equal). Editors use it through the YAML
/// language server: `# yaml-language-server: $schema=…` on a topology's first line.
/// Keys and required fields follow `TopologyParser`; what the schema cannot say (references between
/// ids, CIDR arithmetic) `vpcgraph check` does.
public enum TopologySchema {
    public static let json = #"""
{
  "$defs": {
    "aclRule": {
      "additionalProperties": false,
      "description": "a numbered network ACL rule; rule 32767 is AWS's default (*) rule",
      "properties": {
        "action": {
          "enum": [
            "allow",
            "deny"
          ]
        },
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
        "cidr": {
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
        "rule": {
          "type": "integer"
        }
      },
      "required": [
        "rule",
        "action",
        "cidr"
      ],
      "type": "object"
    },
    "attachment": {
      "additionalProperties": false,
      "properties": {
        "direct_connect_gateway": {
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
    "dhcpOptions": {
      "additionalProperties": false,
      "properties": {
        "domain_name": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "domain_name_servers": {
          "$ref": "#/$defs/strings"
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
        "ntp_servers": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "id"
      ],
      "type": [
        "object",
        "null"
      ]
    },
    "directConnectLinks": {
      "items": {
        "additionalProperties": false,
        "properties": {
          "allowed_prefixes": {
            "$ref": "#/$defs/strings"
          },
          "asn": {
            "type": "integer"
          },
          "id": {
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
          "on_premises": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "type": [
          "string",
          "object"
        ]
      },
      "type": [
        "array",
        "null"
      ]
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
      "description": "an endpoint; every type but resource and service_network (VPC Lattice) names its service",
      "properties": {
        "additional_private_dns_names": {
          "$ref": "#/$defs/strings"
        },
        "dns_names": {
          "$ref": "#/$defs/strings"
        },
        "dns_record_ip_type": {
          "enum": [
            "ipv4",
            "dualstack",
            "ipv6",
            "service-defined"
          ]
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
        "ip_address_type": {
          "enum": [
            "ipv4",
            "dualstack",
            "ipv6"
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
        "private_dns_only_for_inbound_resolver_endpoint": {
          "type": "boolean"
        },
        "requester_managed": {
          "type": "boolean"
        },
        "resource_configuration": {
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
        "service_network": {
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
        "subnets": {
          "$ref": "#/$defs/strings"
        },
        "type": {
          "enum": [
            "interface",
            "gateway",
            "gateway_load_balancer",
            "resource",
            "service_network"
          ]
        },
        "unknown_ip_subnets": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "id"
      ],
      "type": "object"
    },
    "externalVPC": {
      "additionalProperties": false,
      "description": "a VPC outside the topology (another account's or region's) a peering reaches",
      "properties": {
        "cidrs": {
          "$ref": "#/$defs/strings"
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
        "ipv6_cidrs": {
          "$ref": "#/$defs/strings"
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
        "region": {
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
          "ipv6": {
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
        "secondary_private_ips": {
          "$ref": "#/$defs/strings"
        },
        "secondary_public_ips": {
          "$ref": "#/$defs/strings"
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
    "networkACL": {
      "additionalProperties": false,
      "properties": {
        "default": {
          "type": "boolean"
        },
        "egress": {
          "items": {
            "$ref": "#/$defs/aclRule"
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
            "$ref": "#/$defs/aclRule"
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
        },
        "subnets": {
          "$ref": "#/$defs/strings"
        }
      },
      "required": [
        "id"
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
    "prefixList": {
      "additionalProperties": false,
      "properties": {
        "address_family": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "entries": {
          "items": {
            "additionalProperties": false,
            "properties": {
              "cidr": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              },
              "description": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              }
            },
            "required": [
              "cidr"
            ],
            "type": "object"
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
        "max_entries": {
          "type": "integer"
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
        }
      },
      "required": [
        "id"
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
        "external_vpcs": {
          "items": {
            "$ref": "#/$defs/externalVPC"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "peerings": {
          "items": {
            "$ref": "#/$defs/peering"
          },
          "type": [
            "array",
            "null"
          ]
        },
        "prefix_lists": {
          "items": {
            "$ref": "#/$defs/prefixList"
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
        "gateways": {
          "$ref": "#/$defs/strings",
          "description": "internet or virtual private gateways it is the ingress (edge) route table of"
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
        "ipv6_cidrs": {
          "$ref": "#/$defs/strings"
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
    "tgwRoute": {
      "additionalProperties": false,
      "properties": {
        "attachments": {
          "$ref": "#/$defs/strings"
        },
        "destination": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "state": {
          "enum": [
            "active",
            "blackhole"
          ]
        },
        "type": {
          "enum": [
            "static",
            "propagated"
          ]
        }
      },
      "required": [
        "destination"
      ],
      "type": "object"
    },
    "tgwRouteTable": {
      "additionalProperties": false,
      "properties": {
        "associations": {
          "$ref": "#/$defs/strings"
        },
        "default_association": {
          "type": "boolean"
        },
        "default_propagation": {
          "type": "boolean"
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
        "propagations": {
          "$ref": "#/$defs/strings"
        },
        "routes": {
          "items": {
            "$ref": "#/$defs/tgwRoute"
          },
          "type": [
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
        "direct_connect_gateways": {
          "$ref": "#/$defs/directConnectLinks"
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
        "route_tables": {
          "items": {
            "$ref": "#/$defs/tgwRouteTable"
          },
          "type": [
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
    "tunnel": {
      "additionalProperties": false,
      "properties": {
        "outside_ip": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "status": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "status_message": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "outside_ip"
      ],
      "type": "object"
    },
    "vpc": {
      "additionalProperties": false,
      "properties": {
        "cidr": {
          "$ref": "#/$defs/strings"
        },
        "dhcp_options": {
          "$ref": "#/$defs/dhcpOptions"
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
        "egress_only_internet_gateway": {
          "$ref": "#/$defs/namedID"
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
        "ipv6_cidrs": {
          "$ref": "#/$defs/strings"
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
        "network_acls": {
          "items": {
            "$ref": "#/$defs/networkACL"
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
          "$ref": "#/$defs/vpnGateway"
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
        "customer_gateway_asn": {
          "type": "integer"
        },
        "customer_gateway_ip": {
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
        "tunnels": {
          "items": {
            "$ref": "#/$defs/tunnel"
          },
          "type": [
            "array",
            "null"
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
    },
    "vpnGateway": {
      "additionalProperties": false,
      "description": "an id, or {id, name, direct_connect_gateways}",
      "properties": {
        "direct_connect_gateways": {
          "$ref": "#/$defs/directConnectLinks"
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
      "type": [
        "string",
        "object"
      ]
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

import VPCModel

/// The kind of a view-model value, as the load-time check of templates sees it.
indirect enum TemplateType: Sendable {
    /// Input text (`MarkdownText`).
    case text
    /// Markdown made safe by the builder (`MarkdownFragment`).
    case fragment
    /// A text transform's result.
    case string
    case bool
    case int
    case node(NodeSchema)
    case list(TemplateType)
    /// Set, but possibly to an explicit absence (`NoValue`).
    case optional(TemplateType)

    /// Without `optional`.
    var unwrapped: TemplateType {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }

    /// In words, for messages: "a list".
    var words: String {
        switch self {
        case .text: "input text"
        case .fragment: "Markdown"
        case .string: "a string"
        case .bool: "true or false"
        case .int: "a number"
        case .node: "a node"
        case .list: "a list"
        case .optional(let wrapped): wrapped.words
        }
    }

    /// The schema of the fields a name may be looked up in; nil when the value has none.
    var schema: NodeSchema? {
        if case .node(let schema) = unwrapped { return schema }
        return nil
    }
}

/// The names a view-model node may hold, and the kind of each. A builder may leave a name out
/// (a variant holds only some); it may not set one the schema does not declare.
struct NodeSchema: Sendable {
    struct Field: Sendable {
        var name: String
        var type: TemplateType
    }

    let fields: [Field]
    private let index: [String: Int]

    init(_ fields: [Field]) {
        var unique: [Field] = [], index: [String: Int] = [:]
        for field in fields {
            if let i = index[field.name] { unique[i] = field } else {
                index[field.name] = unique.count
                unique.append(field)
            }
        }
        self.fields = unique
        self.index = index
    }

    init(_ pairs: KeyValuePairs<String, TemplateType>) {
        self.init(pairs.map { Field(name: $0.key, type: $0.value) })
    }

    subscript(name: String) -> TemplateType? {
        index[name].map { fields[$0].type }
    }

    /// These fields and `other`'s (which replace fields of the same name).
    func adding(_ other: NodeSchema) -> NodeSchema {
        NodeSchema(fields + other.fields)
    }

    func adding(_ pairs: KeyValuePairs<String, TemplateType>) -> NodeSchema {
        adding(NodeSchema(pairs))
    }
}

// MARK: - The document's view model

/// What `DocumentBuilder` builds, declared once: the load-time check of templates looks names up
/// here, `templateNamesAreWhatTheBuilderMakes` holds the builder's output to it for every sample,
/// and the README's list of names is printed from it.
extension NodeSchema {
    /// `ref(id, name:)`: another resource's id, name and link.
    static let ref = NodeSchema(["id": .text, "link": .fragment, "name": .optional(.text)])

    /// `anchored(id, …)`: a resource's own node.
    static func anchored(_ pairs: KeyValuePairs<String, TemplateType>) -> NodeSchema {
        NodeSchema(["id": .text, "anchor": .optional(.fragment), "link": .fragment]).adding(pairs)
    }

    /// `count(n)`.
    static let count = NodeSchema(["n": .int, "plural": .bool, "any": .bool, "none": .bool])

    /// `flags(value, among:)`: one Bool per case.
    static func flags(_ names: [String]) -> NodeSchema {
        NodeSchema(names.map { Field(name: $0, type: .bool) })
    }

    /// A VPC as one side of a connection.
    static let vpcSide = ref.adding(["cidrs": .list(.text), "region": .optional(.text)])

    /// A side of a peering: a VPC, or one outside the topology (`external`: another account's or region's).
    static let peeringSide = vpcSide.adding(["external": .optional(.node(NodeSchema(["owner": .optional(.text)])))])

    /// A Direct Connect gateway associated with a virtual private or transit gateway.
    static let directConnectLink = NodeSchema([
        "id": .text, "name": .optional(.text), "asn": .optional(.text), "allowedPrefixes": .list(.text),
    ])

    static let networkACLRule = NodeSchema([
        "rule": .text, "allow": .bool, "protocol": .text, "allTraffic": .bool, "cidr": .text, "ports": .optional(.text),
    ])

    static let securityGroupRule = NodeSchema([
        "protocol": .text, "allTraffic": .bool, "sources": .list(.fragment), "ports": .optional(.text), "description": .optional(.text),
    ])

    static let securityGroupRef = ref.adding(["rules": .list(.node(securityGroupRule)), "unknown": .bool])

    static let policy = NodeSchema([
        "isDefault": .bool, "unreadable": .bool, "json": .fragment,
        "statements": .list(.node(NodeSchema([
            "effect": .text, "allow": .bool, "principals": .list(.text), "actions": .list(.text), "resources": .list(.text),
            "negated": .bool, "conditions": .list(.text), "sid": .optional(.text),
        ]))),
    ])

    static let subnet = anchored([
        "zone": .text, "cidr": .text, "tier": .node(flags(SubnetTier.allCases.map(\.rawValue))), "name": .optional(.text),
        "routeTable": .optional(.node(ref)), "routeTableIsMain": .bool, "zoneID": .optional(.text), "mapPublicIP": .bool,
        "otherOwner": .optional(.text), "ipv6Cidrs": .list(.text),
    ])

    static let routeTable = anchored([
        "isMain": .bool, "name": .optional(.text), "subnets": .list(.node(ref)), "implicitSubnets": .list(.node(ref)), "unused": .bool,
        "gateways": .list(.node(ref)),
        "routes": .list(.node(NodeSchema([
            "destination": .text, "target": .fragment, "targetID": .text,
            "kind": .node(flags(RouteTarget.Kind.allCases.map { String(describing: $0) })),
            "blackhole": .bool, "implied": .bool, "prefixList": .bool, "service": .optional(.text),
            "filtered": .bool, "propagated": .bool, "targetState": .optional(.text), "gatewayLoadBalancerEndpoint": .bool,
        ]))),
    ])

    /// `{{#pendingState}}{{#pendingAcceptance}}…`: set while AWS is still creating the resource.
    static let pendingState = TemplateType.optional(.node(flags(PendingState.allCases.map { String(describing: $0) })))

    static let interfaceEndpoint = anchored([
        "displayName": .text, "service": .text, "serviceShortName": .text, "privateDNS": .bool, "vpc": .node(ref),
        "name": .optional(.text), "privateDNSName": .optional(.text), "privateDNSNeedsVPCAttributes": .bool,
        "securityGroups": .list(.node(securityGroupRef)),
        "interfaces": .list(.node(NodeSchema([
            "subnet": .node(ref), "ip": .optional(.text), "zone": .optional(.text), "networkInterface": .optional(.text), "unknown": .bool,
        ]))),
        "pendingState": pendingState,
        "dnsNames": .list(.node(NodeSchema([
            "name": .text, "regional": .bool, "zonal": .optional(.text), "privateDNS": .bool, "wildcard": .bool,
            "zone": .optional(.node(ref)), "ips": .list(.text),
        ]))),
        "policy": .node(policy),
        "ipAddressType": .optional(.text), "dnsRecordIPType": .optional(.text), "requesterManaged": .bool,
        "additionalPrivateDNSNames": .list(.text), "privateDNSOnlyForInboundResolver": .bool,
    ])

    static let gatewayEndpoint = anchored([
        "displayName": .text, "service": .text, "serviceShortName": .text, "vpc": .node(ref), "name": .optional(.text),
        "serviceRegion": .optional(.text), "prefixList": .optional(.text),
        "routeTables": .list(.node(ref.adding([
            "routes": .list(.node(NodeSchema(["destination": .text, "target": .text, "blackhole": .bool, "implied": .bool]))),
            "unknown": .bool,
        ]))),
        "policy": .node(policy),
    ])

    static let vpc = anchored([
        "displayName": .text, "region": .text, "cidrs": .list(.text), "dnsSupport": .bool, "dnsHostnames": .bool,
        "dnsSupportUnknown": .bool, "dnsHostnamesUnknown": .bool, "owner": .optional(.text),
        "zones": .list(.text), "reaches": .list(.text), "name": .optional(.text), "diagram": .optional(.fragment),
        "subnets": .list(.node(subnet)),
        "internetGateway": .optional(.node(anchored(["name": .optional(.text)]))),
        "vpnGateway": .optional(.node(anchored(["name": .optional(.text), "directConnectGateways": .list(.node(directConnectLink))]))),
        "natGateways": .list(.node(anchored([
            "subnet": .node(ref), "connectivity": .node(flags(["public", "private"])), "name": .optional(.text),
            "privateIP": .optional(.text), "publicIP": .optional(.text), "pendingState": pendingState,
            "secondaryPrivateIPs": .list(.text), "secondaryPublicIPs": .list(.text),
        ]))),
        "ipv6Cidrs": .list(.text),
        "dhcpOptions": .optional(.node(ref.adding([
            "isDefault": .bool, "domainName": .optional(.text), "dnsServers": .list(.text), "ntpServers": .list(.text), "customDNS": .bool,
        ]))),
        "egressOnlyInternetGateway": .optional(.node(anchored(["name": .optional(.text)]))),
        "networkACLs": .list(.node(anchored([
            "name": .optional(.text), "isDefault": .bool, "subnets": .list(.node(ref)),
            "ingress": .list(.node(networkACLRule)), "egress": .list(.node(networkACLRule)),
        ]))),
        "latticeEndpoints": .list(.node(anchored([
            "kindTitle": .text, "name": .optional(.text), "serviceNetwork": .optional(.text), "resourceConfiguration": .optional(.text),
            "subnets": .list(.node(ref)), "securityGroups": .list(.node(ref)), "privateDNS": .bool, "dnsNames": .list(.text),
            "ipAddressType": .optional(.text), "pendingState": pendingState,
        ]))),
        "hasGateways": .bool,
        "securityGroups": .list(.node(anchored([
            "rules": .list(.node(securityGroupRule)), "egressRules": .list(.node(securityGroupRule)), "name": .optional(.text),
            "description": .optional(.text),
        ]))),
        "hasEgressRules": .bool,
        "gatewayLoadBalancerEndpoints": .list(.node(anchored([
            "service": .text, "name": .optional(.text), "subnet": .optional(.node(ref)), "ip": .optional(.text), "routeTables": .list(.node(ref)),
        ]))),
        "interfaceEndpoints": .list(.node(interfaceEndpoint)),
        "gatewayEndpoints": .list(.node(gatewayEndpoint)),
        "hasEndpoints": .bool,
        "routeTables": .list(.node(routeTable)),
        "subnetsWithoutRouteTable": .list(.node(ref)),
    ])

    static let resolutionStep = flags([
        "forwarded", "vpcResolver", "privateHostedZone", "endpointPrivateDNS", "resolverRule", "endpointRegionalName", "publicDNS", "own",
        "ifForwarded",
    ]).adding([
        "domain": .text, "ips": .list(.text), "resolverEndpoint": .optional(.node(ref)), "vpc": .optional(.node(ref)),
        "zone": .node(ref), "zoneName": .text, "record": .text, "type": .text, "endpoint": .optional(.node(ref)),
        "rule": .node(ref), "targets": .list(.text), "name": .text,
    ])

    static let resolutionAnswer = flags([
        "endpointIPs", "publicAddresses", "noSuchName", "forwardedOut", "dnsSupportOff", "unknown", "own",
    ]).adding([
        "values": .list(.text), "endpoint": .node(ref), "ips": .list(.text), "ipv6s": .list(.text), "addresses": .list(.text),
        "otherEndpoint": .bool, "zone": .node(ref), "vpc": .node(ref),
    ])

    static let resolutionClient = NodeSchema([
        "endpointVPC": .bool, "connectedVPC": .bool, "onPremises": .bool, "many": .bool, "count": .int,
        "vias": .list(.node(ref.adding(["viaPeering": .bool]))),
        "vpcs": .list(.node(ref.adding(["via": .node(ref), "viaPeering": .bool]))),
        "vpc": .node(ref), "network": .node(ref),
        "steps": .list(.node(resolutionStep)), "answer": .node(resolutionAnswer), "reachesEndpoint": .bool,
        "blocked": .list(.node(NodeSchema(["routes": .bool, "securityGroups": .bool, "vpn": .bool, "client": .optional(.node(ref))]))),
    ])

    /// The article's advice about the network (the Findings section).
    static let findings = NodeSchema([
        "hasItems": .bool, "warnings": .node(count), "notes": .node(count),
        "items": .list(.node(NodeSchema([
            "rule": .text, "severity": .node(flags(["warning", "note"])), "message": .text, "resource": .node(ref), "involved": .list(.node(ref)),
        ]))),
    ])

    static let dns = NodeSchema([
        "zones": .list(.node(anchored([
            "name": .text, "region": .text, "zoneID": .optional(.text), "vpcs": .list(.node(ref)),
            "records": .list(.node(NodeSchema([
                "name": .text, "type": .text, "aliasEndpoint": .node(ref), "aliasName": .optional(.text), "ips": .list(.text),
                "values": .list(.text),
            ]))),
        ]))),
        "resolverEndpoints": .list(.node(anchored([
            "direction": .node(flags(["inbound", "outbound"])), "vpc": .node(ref), "securityGroups": .list(.node(securityGroupRef)),
            "name": .optional(.text), "unknownIPs": .optional(.int),
            "ips": .list(.node(NodeSchema(["ip": .text, "subnet": .node(ref), "zone": .optional(.text), "networkInterface": .optional(.text)]))),
        ]))),
        "resolverRules": .list(.node(anchored([
            "domain": .text, "region": .text, "name": .optional(.text), "endpoint": .optional(.node(ref)), "targets": .list(.text),
            "vpcs": .list(.node(ref)),
        ]))),
        "forwarding": .list(.node(ref.adding([
            "dnsServers": .list(.text),
            "rules": .list(.node(NodeSchema([
                "domain": .text,
                "targets": .list(.node(ref.adding(["resolverEndpoint": .bool, "ips": .list(.text), "ip": .text]))),
            ]))),
        ]))),
        "resolutions": .list(.node(ref.adding([
            "service": .text, "vpc": .node(ref), "privateDNS": .bool, "regionalName": .optional(.text),
            "names": .list(.node(NodeSchema(["name": .text, "clients": .list(.node(resolutionClient))]))),
            "noConnectedVPCs": .bool, "noOnPremises": .bool,
        ]))),
    ])

    static let connectivity = NodeSchema([
        "peerings": .list(.node(anchored([
            "region": .text, "name": .optional(.text), "requester": .node(peeringSide), "accepter": .node(peeringSide),
        ]))),
        "transitGateways": .list(.node(anchored([
            "region": .text, "name": .optional(.text), "asn": .optional(.text), "directConnectGateways": .list(.node(directConnectLink)),
            "attachments": .list(.node(anchored([
                "vpc": .optional(.node(vpcSide.adding(["subnets": .list(.node(ref))]))), "vpn": .optional(.node(ref)),
                "peering": .optional(.node(ref)), "cidrs": .list(.text), "directConnect": .optional(.text),
            ]))),
            "routeTables": .list(.node(ref.adding([
                "defaultAssociation": .bool, "defaultPropagation": .bool, "associations": .list(.node(ref)), "propagations": .list(.node(ref)),
                "routes": .list(.node(NodeSchema([
                    "destination": .text, "attachments": .list(.node(ref)), "propagated": .bool, "blackhole": .bool,
                ]))),
            ]))),
        ]))),
        "vpnConnections": .list(.node(anchored([
            "region": .text, "vpnGateway": .optional(.node(ref)), "transitGateway": .optional(.node(ref)), "name": .optional(.text),
            "customerGateway": .optional(.text), "awsSide": .list(.node(vpcSide)),
            "onPremises": .optional(.node(ref.adding(["cidrs": .list(.text)]))),
            "customerGatewayIP": .optional(.text), "customerGatewayASN": .optional(.text),
            "tunnels": .list(.node(NodeSchema(["outsideIP": .text, "status": .optional(.text), "statusMessage": .optional(.text)]))),
        ]))),
        "prefixLists": .list(.node(ref.adding([
            "region": .text, "addressFamily": .optional(.text), "maxEntries": .optional(.text), "owner": .optional(.text),
            "entries": .list(.node(NodeSchema(["cidr": .text, "description": .optional(.text)]))),
        ]))),
        "onPremises": .list(.node(anchored([
            "cidrs": .list(.text), "dnsServers": .list(.text), "name": .optional(.text), "vpns": .list(.node(ref)),
        ]))),
    ])

    static let cost = NodeSchema([
        "date": .text, "region": .text, "currency": .text, "hours": .int, "note": .text,
        "interfaceEndpoints": .list(.node(NodeSchema([
            "endpoint": .node(ref), "service": .text, "vpc": .node(ref), "zones": .int, "monthly": .text,
        ]))),
        "gatewayEndpoints": .list(.node(NodeSchema(["endpoint": .node(ref), "service": .text, "vpc": .node(ref), "monthly": .text]))),
        "resolverEndpoints": .list(.node(NodeSchema([
            "endpoint": .node(ref), "vpc": .node(ref), "direction": .node(flags(["inbound", "outbound"])), "interfaces": .int,
            "monthly": .text,
        ]))),
        "natGateways": .list(.node(NodeSchema(["gateway": .node(ref), "vpc": .node(ref), "monthly": .text]))),
        "transitGateways": .list(.node(NodeSchema(["gateway": .node(ref), "attachments": .int, "monthly": .text]))),
        "vpnConnections": .list(.node(NodeSchema(["connection": .node(ref), "monthly": .text]))),
        "hasItems": .bool, "total": .text,
        "rates": .node(NodeSchema([
            "interfaceEndpointPerAZHour": .text, "interfaceEndpointPerGB": .text, "gatewayEndpointPerHour": .text,
            "gatewayEndpointPerGB": .text, "resolverEndpointPerENIHour": .text, "resolverPerMillionQueries": .text,
            "natGatewayPerHour": .text, "natGatewayPerGB": .text, "transitGatewayPerAttachmentHour": .text,
            "transitGatewayPerGB": .text, "vpnConnectionPerHour": .text,
        ])),
    ])

    /// The root of the document's view model.
    static let document = NodeSchema([
        "title": .text, "documentName": .text, "diagram": .optional(.fragment), "diagrams": .list(.fragment), "descriptionParagraphs": .list(.text),
        // What a value the input does not have is called: "not in the snapshot", "(known after apply)".
        "missing": .text,
        "counts": .node(NodeSchema([
            "regions": .node(count), "vpcs": .node(count), "subnets": .node(count), "interfaceEndpoints": .node(count),
            "gatewayEndpoints": .node(count), "resolverEndpoints": .node(count), "routeTables": .node(count), "onPremises": .node(count),
        ])),
        "regionNames": .list(.text),
        "regions": .list(.node(anchored(["name": .text, "vpcs": .list(.node(vpc))]))),
        "dns": .node(dns),
        "connectivity": .node(connectivity),
        "cost": .node(cost),
        "findings": .node(findings),
    ])
}

// MARK: - The README's list

extension NodeSchema {
    /// The field names, in order.
    var names: [String] { fields.map(\.name) }

    /// The transforms, then one line per node of the document's view model
    /// (`regions[].vpcs[]: `id` text, …`), in declaration order. Two shapes that occur everywhere are named instead of listed (`ref`,
    /// `count`), and a node of Bool flags is written `flags(a, b)`.
    static func documentation() -> String {
        var lines = [
            "- transforms, `t(x)`, and what each applies to: "
                + TemplateTransform.allCases.map { "`\($0.rawValue)` \($0.appliesTo)" }.joined(separator: "; "),
            "- `ref` (a link to another resource): " + ref.fields.map { "`\($0.name)` \(describe($0.type))" }.joined(separator: ", "),
            "- `count`: " + count.fields.map { "`\($0.name)` \(describe($0.type))" }.joined(separator: ", "),
        ]
        func walk(_ schema: NodeSchema, path: String) {
            let names = schema.fields.map { "`\($0.name)` \(describe($0.type))" }.joined(separator: ", ")
            lines.append("- \(path.isEmpty ? "top level" : "`\(path)`"): \(names)")
            for field in schema.fields {
                var type = field.type.unwrapped, suffix = ""
                while case .list(let element) = type {
                    type = element.unwrapped
                    suffix += "[]"
                }
                if case .node(let inner) = type, !isNamed(inner) {
                    walk(inner, path: (path.isEmpty ? "" : path + ".") + field.name + suffix)
                }
            }
        }
        walk(document, path: "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `ref`, `count` or flags: described in place, not on a line of their own.
    private static func isNamed(_ schema: NodeSchema) -> Bool {
        schema.names == ref.names || schema.names == count.names || schema.fields.allSatisfy { if case .bool = $0.type { true } else { false } }
    }

    private static func describe(_ type: TemplateType) -> String {
        switch type {
        case .text: "text"
        case .fragment: "markdown"
        case .string: "string"
        case .bool: "bool"
        case .int: "number"
        case .node(let schema):
            if schema.names == ref.names { "ref" } else if schema.names == count.names { "count" } else if isNamed(schema) {
                "flags(\(schema.names.joined(separator: ", ")))"
            } else { "node" }
        case .list(let element): "list of \(describe(element))"
        case .optional(let wrapped): describe(wrapped) + "?"
        }
    }
}

import VPCModel

// Network ACLs, DHCP options, IPv6, egress-only internet gateways, VPC Lattice endpoints, edge
// associations, transit gateway route tables, prefix lists and external VPCs in the view model.
extension DocumentBuilder {
    /// The facts of issue 12 a VPC node holds, added to `node`.
    mutating func addNetworkFacts(of vpc: VPC, to node: inout Node) {
        node["ipv6Cidrs"] = texts(vpc.ipv6CIDRs)
        node["dhcpOptions"] = optional(vpc.dhcpOptions.map { d -> Node in
            var n = ref(d.id, name: d.name)
            n["isDefault"] = d.id == "default"
            n["domainName"] = optional(d.domainName.map { MarkdownText($0) })
            n["dnsServers"] = texts(d.domainNameServers)
            n["ntpServers"] = texts(d.ntpServers)
            n["customDNS"] = d.usesCustomDNSServers
            return n
        })
        node["egressOnlyInternetGateway"] = optional(vpc.egressOnlyInternetGateway.map { anchored($0.id, ["name": optional($0.name.map(MarkdownText.init))]) })
        node["networkACLs"] = vpc.networkACLs.map { acl -> Node in
            var n = anchored(acl.id, ["isDefault": acl.isDefault, "ingress": acl.ingress.map(aclRuleNode), "egress": acl.egress.map(aclRuleNode)])
            n["name"] = optional(acl.name.map { MarkdownText($0) })
            n["subnets"] = acl.subnetIDs.map { ref($0, name: vpc.subnet($0)?.name) }
            return n
        }
        node["latticeEndpoints"] = vpc.latticeEndpoints.map { e -> Node in
            var n = anchored(e.id, ["kindTitle": MarkdownText(e.kind.title), "privateDNS": e.privateDNS, "dnsNames": texts(e.dnsNames)])
            n["name"] = optional(e.name.map { MarkdownText($0) })
            n["serviceNetwork"] = optional(e.serviceNetworkARN.map { MarkdownText($0) })
            n["resourceConfiguration"] = optional(e.resourceConfigurationARN.map { MarkdownText($0) })
            n["subnets"] = e.subnetIDs.map { ref($0, name: vpc.subnet($0)?.name) }
            n["securityGroups"] = e.securityGroupIDs.map { ref($0, name: vpc.securityGroup($0)?.name) }
            n["ipAddressType"] = optional(e.ipAddressType.map { MarkdownText($0) })
            n["pendingState"] = Self.pendingFlags(e.pendingState)
            return n
        }
    }

    func aclRuleNode(_ rule: NetworkACLRule) -> Node {
        var node: Node = [
            "rule": MarkdownText(rule.ruleText), "allow": rule.action == .allow,
            "protocol": MarkdownText(Self.protocolText(rule.ipProtocol)), "allTraffic": rule.ipProtocol == .all,
            "cidr": MarkdownText(rule.cidr.description),
        ]
        node["ports"] = optional(rule.range.text(for: rule.ipProtocol).map { MarkdownText($0) })
        return node
    }

    /// Route tables of a transit gateway: associations, propagations and routes.
    func transitGatewayRouteTableNodes(_ gateway: TransitGateway) -> [Node] {
        gateway.routeTables.map { table -> Node in
            var n = ref(table.id, name: table.name)
            n["defaultAssociation"] = table.isDefaultAssociation
            n["defaultPropagation"] = table.isDefaultPropagation
            n["associations"] = table.associations.map { ref($0) }
            n["propagations"] = table.propagations.map { ref($0) }
            n["routes"] = table.routes.map { route -> Node in
                ["destination": MarkdownText(route.destination.description), "attachments": route.attachmentIDs.map { ref($0) },
                 "propagated": route.kind == .propagated, "blackhole": route.state == .blackhole]
            }
            return n
        }
    }

    /// Customer-managed prefix lists of every region.
    func prefixListNodes() -> [Node] {
        topology.regions.flatMap { region in
            region.prefixLists.map { list -> Node in
                var n = ref(list.id, name: list.name)
                n["region"] = MarkdownText(region.name)
                n["addressFamily"] = optional(list.addressFamily.map { MarkdownText($0) })
                n["maxEntries"] = optional(list.maxEntries.map { MarkdownText(String($0)) })
                n["owner"] = optional(list.ownerID.map { MarkdownText($0) })
                n["entries"] = list.entries.map { e -> Node in
                    ["cidr": MarkdownText(e.cidr.description), "description": optional(e.description.map { MarkdownText($0) })]
                }
                return n
            }
        }
    }

    /// A VPC outside the topology that a peering reaches: its owner and region.
    func externalVPC(_ id: String) -> ExternalVPC? {
        for region in topology.regions { if let v = region.externalVPCs.first(where: { $0.id == id }) { return v } }
        return nil
    }
}

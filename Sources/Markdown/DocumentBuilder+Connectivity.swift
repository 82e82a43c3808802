import VPCModel

// Peering connections, transit gateways, VPN connections and on-premises networks, with the
// CIDRs on each side.
extension DocumentBuilder {
    mutating func connectivityNode() -> Node {
        var peerings: [Node] = [], gateways: [Node] = [], vpns: [Node] = []
        for region in topology.regions {
            for peering in region.peerings {
                var node = anchored(peering.id, ["region": MarkdownText(region.name)])
                node["name"] = optional(peering.name.map { name in MarkdownText(name) })
                node["requester"] = peeringSide(peering.requesterVPCID)
                node["accepter"] = peeringSide(peering.accepterVPCID)
                peerings.append(node)
            }
            for gateway in region.transitGateways {
                var node = anchored(gateway.id, ["region": MarkdownText(region.name)])
                node["name"] = optional(gateway.name.map { name in MarkdownText(name) })
                node["asn"] = optional(gateway.asn.map { asn in MarkdownText(String(asn)) })
                node["directConnectGateways"] = gateway.directConnectGateways.map(directConnectNode)
                node["attachments"] = gateway.attachments.map { attachment -> Node in
                    var n = anchored(attachment.id, ["vpc": NoValue(), "vpn": NoValue(), "peering": NoValue(), "directConnect": NoValue(), "cidrs": [MarkdownText]()])
                    switch attachment.resource {
                    case .vpc(let id, let subnetIDs):
                        var side = vpcSide(id)
                        side["subnets"] = subnetIDs.map { ref($0, name: topology.vpc(id)?.subnet($0)?.name) }
                        n["vpc"] = side
                    case .vpn(let id):
                        n["vpn"] = ref(id)
                        n["cidrs"] = texts(onPremisesNetwork(ofVPN: id)?.cidrs ?? [])
                    case .peering(let id):
                        n["peering"] = ref(id)
                    case .directConnectGateway(let id):
                        n["directConnect"] = MarkdownText(id)
                    }
                    return n
                }
                node["routeTables"] = transitGatewayRouteTableNodes(gateway)
                gateways.append(node)
            }
            for vpn in region.vpnConnections {
                var node = anchored(vpn.id, ["region": MarkdownText(region.name), "vpnGateway": NoValue(), "transitGateway": NoValue()])
                node["name"] = optional(vpn.name.map { name in MarkdownText(name) })
                node["customerGateway"] = optional(vpn.customerGatewayID.map { id in MarkdownText(id) })
                node["customerGatewayIP"] = optional(vpn.customerGatewayIP.map { ip in MarkdownText(ip.description) })
                node["customerGatewayASN"] = optional(vpn.customerGatewayASN.map { asn in MarkdownText(String(asn)) })
                node["tunnels"] = vpn.tunnels.map { t -> Node in
                    ["outsideIP": MarkdownText(t.outsideIP.description), "status": optional(t.status.map { MarkdownText($0) }),
                     "statusMessage": optional(t.statusMessage.map { MarkdownText($0) })]
                }
                switch vpn.gateway {
                case .vpnGateway(let id):
                    node["vpnGateway"] = ref(id)
                    node["awsSide"] = topology.allVPCs.filter { $0.vpc.vpnGateway?.id == id }.map { vpcSide($0.vpc.id) }
                case .transitGateway(let id):
                    node["transitGateway"] = ref(id)
                    let attached = region.transitGateways.first { $0.id == id }?.attachments.compactMap { a -> String? in
                        if case .vpc(let vpcID, _) = a.resource { return vpcID }
                        return nil
                    } ?? []
                    node["awsSide"] = attached.map(vpcSide)
                }
                node["onPremises"] = optional(vpn.onPremisesID.map { id -> Node in
                    var side = ref(id, name: topology.onPremises.first { $0.id == id }?.name)
                    side["cidrs"] = texts(topology.onPremises.first { $0.id == id }?.cidrs ?? [])
                    return side
                })
                vpns.append(node)
            }
        }
        let networks = topology.onPremises.map { network -> Node in
            var node = anchored(network.id, ["cidrs": texts(network.cidrs), "dnsServers": texts(network.dnsServers)])
            node["name"] = optional(network.name.map { name in MarkdownText(name) })
            node["vpns"] = topology.regions.flatMap(\.vpnConnections).filter { $0.onPremisesID == network.id }.map { ref($0.id, name: $0.name) }
            return node
        }
        return ["peerings": peerings, "transitGateways": gateways, "vpnConnections": vpns, "onPremises": networks, "prefixLists": prefixListNodes()]
    }

    /// A VPC as one side of a connection: link, name and CIDRs.
    func vpcSide(_ id: String) -> Node {
        var node = vpcRef(id)
        node["cidrs"] = texts(topology.vpc(id)?.cidrs ?? [])
        node["region"] = optional(topology.allVPCs.first { $0.vpc.id == id }.map { MarkdownText($0.region.name) })
        return node
    }

    /// A side of a peering: `vpcSide`, or for a VPC outside the topology what the peering says of it.
    func peeringSide(_ id: String) -> Node {
        var node = vpcSide(id)
        node["external"] = NoValue()
        if topology.vpc(id) == nil, let external = externalVPC(id) {
            node["cidrs"] = texts(external.cidrs + external.ipv6CIDRs)
            node["region"] = optional(external.region.map { MarkdownText($0) })
            node["external"] = ["owner": optional(external.ownerID.map { MarkdownText($0) })] as Node
        }
        return node
    }

    func onPremisesNetwork(ofVPN id: String) -> OnPremisesNetwork? {
        guard let vpn = topology.regions.flatMap(\.vpnConnections).first(where: { $0.id == id }), let network = vpn.onPremisesID else { return nil }
        return topology.onPremises.first { $0.id == network }
    }
}

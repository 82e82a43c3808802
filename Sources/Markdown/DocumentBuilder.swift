import VPCModel

/// An absent optional value. Set instead of leaving the key out: Mustache looks a missing key up in
/// the enclosing nodes, so a subnet without a name would print its VPC's name.
struct NoValue: ViewValue {
    var viewValue: TemplateValue { .none }
}

/// Builds the view model of a topology's document. Everything here is data and structure; the
/// wording and layout are in the templates.
struct DocumentBuilder {
    let topology: Topology
    let documentName: String
    let prices: PriceTable
    /// Every anchor the document defines (so a link is made only to a section that exists).
    let known: Set<String>
    /// `resourceIDs(of:)` and their anchors, worked out once.
    private let resources: [(id: String, anchor: String)]
    /// Anchors already given to a node: a resource id used twice is anchored once.
    private var claimed: Set<String> = []
    /// Name resolution over the topology, indexed once.
    var resolver: NameResolver
    /// VPC names by id, for references.
    let vpcNames: [String: String]
    /// Services behind prefix list ids.
    let prefixListServices: [String: String]
    /// Records of private hosted zones that alias an interface endpoint, by endpoint id, in document order.
    let aliasRecords: [String: [(zone: PrivateHostedZone, record: DNSRecord)]]
    /// The diagram files the document shows on top, and per VPC id (see `renderMarkdown`).
    var diagrams: [String] = []
    var vpcDiagrams: [String: String] = [:]
    /// Links already made, by id.
    private var links: [String: MarkdownFragment] = [:]
    /// The article's advice about the topology (`Topology.advise()`), for the Findings section and
    /// the connectivity claims.
    let findings: [Finding]

    /// `findings`: the topology's advice when the caller computed it already; nil computes it.
    init(topology: Topology, documentName: String, prices: PriceTable, findings: [Finding]? = nil) {
        self.topology = topology
        self.documentName = documentName
        self.prices = prices
        let resources = Self.resourceIDs(of: topology).map { (id: $0, anchor: DocumentAnchor.id(for: $0)) }
        self.resources = resources
        self.known = Set(resources.map(\.anchor))
        self.resolver = NameResolver(topology)
        var names: [String: String] = [:]
        for (_, vpc) in topology.allVPCs where names[vpc.id] == nil { names[vpc.id] = vpc.name ?? "" }
        self.vpcNames = names
        self.prefixListServices = Self.prefixListServices(of: topology)
        var aliases: [String: [(zone: PrivateHostedZone, record: DNSRecord)]] = [:]
        for zone in topology.regions.flatMap(\.privateHostedZones) {
            for record in zone.records {
                if case .endpointAlias(let id) = record.value { aliases[id, default: []].append((zone, record)) }
            }
        }
        self.aliasRecords = aliases
        // By rule, resource and message, not by location: a snapshot and its imported YAML locate
        // findings differently and must document them alike.
        self.findings = (findings ?? topology.advise()).sorted { ($0.ruleID, $0.resource, $0.message) < ($1.ruleID, $1.resource, $1.message) }
    }

    /// The ids of every resource that has a section, table row or list item of its own.
    static func resourceIDs(of topology: Topology) -> [String] {
        var ids: [String] = []
        for region in topology.regions {
            ids.append(region.id)
            for vpc in region.vpcs {
                ids.append(vpc.id)
                ids += vpc.subnets.map(\.id) + vpc.routeTables.map(\.id) + vpc.securityGroups.map(\.id)
                ids += [vpc.internetGateway?.id, vpc.vpnGateway?.id].compactMap { $0 } + vpc.natGateways.map(\.id)
                ids += vpc.interfaceEndpoints.map(\.id) + vpc.gatewayEndpoints.map(\.id) + vpc.resolverEndpoints.map(\.id)
                ids += vpc.gatewayLoadBalancerEndpoints.map(\.id)
                ids += [vpc.egressOnlyInternetGateway?.id].compactMap { $0 } + vpc.networkACLs.map(\.id) + vpc.latticeEndpoints.map(\.id)
            }
            ids += region.privateHostedZones.map(\.id) + region.resolverRules.map(\.id) + region.peerings.map(\.id)
            ids += region.transitGateways.flatMap { [$0.id] + $0.attachments.map(\.id) } + region.vpnConnections.map(\.id)
        }
        ids += topology.onPremises.map(\.id)
        return ids
    }

    // MARK: - Building blocks

    /// Gives the node its anchor, unless another node took it first.
    mutating func anchored(_ id: String, _ node: consuming Node) -> Node {
        var node = node
        node.set("id", .text(id))
        let anchor = DocumentAnchor.id(for: id)
        node.set("anchor", claimed.insert(anchor).inserted ? .fragment(anchor) : .none)
        node.set("link", .fragment(link(id).markdown))
        return node
    }

    /// `[`id`](#id)` when the document has a section for the id, else `` `id` ``.
    func link(_ id: String) -> MarkdownFragment {
        if let made = links[id] { return made }
        let anchor = DocumentAnchor.id(for: id)
        let code = MarkdownEscaping.code(id)
        return MarkdownFragment(known.contains(anchor) ? "[\(code)](#\(anchor))" : code)
    }

    /// Makes the links of every resource once, before the nodes that use them.
    mutating func cacheLinks() {
        links.reserveCapacity(resources.count)
        for (id, anchor) in resources where links[id] == nil {
            // What `link(id)` makes: every resource's anchor is known.
            links[id] = MarkdownFragment("[\(MarkdownEscaping.code(id))](#\(anchor))")
        }
    }

    /// A reference to another resource: its id, name and link.
    func ref(_ id: String, name: String? = nil) -> Node {
        var node = Node(capacity: 6)
        node.set("id", .text(id))
        node.set("link", .fragment(link(id).markdown))
        node.set("name", name.map(TemplateValue.text) ?? .none)
        return node
    }

    func vpcRef(_ id: String) -> Node {
        ref(id, name: vpcNames[id].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A value, or `NoValue` so a template does not find the key in an enclosing node instead.
    func optional(_ value: (any ViewValue)?) -> any ViewValue { value ?? NoValue() }

    /// `n`, and whether it is one (for "1 VPC" / "2 VPCs") or any.
    func count(_ n: Int) -> Node {
        var node = Node(capacity: 4)
        node.set("n", .int(n))
        node.set("plural", .bool(n != 1))
        node.set("any", .bool(n > 0))
        node.set("none", .bool(n == 0))
        return node
    }

    func texts<S: Sequence>(_ values: S) -> [MarkdownText] where S.Element: CustomStringConvertible {
        values.map { MarkdownText($0.description) }
    }

    /// A node of Bool flags, one per case, for templates to choose wording: `{{#kind.natGateway}}`.
    func flags(_ value: String, among all: [String]) -> Node {
        var node = Node()
        for name in all { node[value: name] = .bool(name == value) }
        return node
    }

    // MARK: - Document

    mutating func build() -> Node {
        cacheLinks()
        var root: Node = [:]
        let title = topology.title ?? documentName
        root["title"] = MarkdownText(title)
        root["documentName"] = MarkdownText(documentName)
        root["missing"] = MarkdownText(topology.missingValueText)
        root["diagram"] = diagrams.first.map { MarkdownFragment(MarkdownEscaping.url($0)) as any ViewValue } ?? NoValue()
        root["diagrams"] = diagrams.map { MarkdownFragment(MarkdownEscaping.url($0)) }
        root["descriptionParagraphs"] = paragraphs(topology.description)

        let vpcs = topology.allVPCs.map(\.vpc)
        root["counts"] = [
            "regions": count(topology.regions.count),
            "vpcs": count(vpcs.count),
            "subnets": count(vpcs.reduce(0) { $0 + $1.subnets.count }),
            "interfaceEndpoints": count(vpcs.reduce(0) { $0 + $1.interfaceEndpoints.count }),
            "gatewayEndpoints": count(vpcs.reduce(0) { $0 + $1.gatewayEndpoints.count }),
            "resolverEndpoints": count(vpcs.reduce(0) { $0 + $1.resolverEndpoints.count }),
            "routeTables": count(vpcs.reduce(0) { $0 + $1.routeTables.count }),
            "onPremises": count(topology.onPremises.count),
        ] as Node
        root["regionNames"] = topology.regions.map { MarkdownText($0.name) }

        root["regions"] = topology.regions.map { region -> Node in
            var node = anchored(region.id, ["name": MarkdownText(region.name)])
            node["vpcs"] = region.vpcs.map { vpcNode($0, region: region) }
            return node
        }
        root["dns"] = dnsNode()
        root["connectivity"] = connectivityNode()
        root["cost"] = costNode()
        root["findings"] = findingsNode()
        return root
    }

    /// Text split into paragraphs at blank lines.
    func paragraphs(_ text: String?) -> [MarkdownText] {
        guard let text else { return [] }
        var result: [String] = [], current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result.map { MarkdownText($0.trimmingSpaces) }
    }
}

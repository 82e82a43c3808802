import AWSImport
import VPCModel

/// Turns the resources of a Terraform document into a `Topology`: links by id where the document knows
/// them, through the plan's configuration references where apply will decide them.
struct TerraformAssembler {
    let document: TFDocument
    let references: TFReferences
    let resources: [TFResource]
    var diagnostics: [Diagnostic] = []

    var byID: [String: Int] = [:]
    var byConfig: [String: [Int]] = [:]
    /// Ids AWS makes along with a VPC (its main route table, default security group): the VPC's index.
    var implicitRouteTables: [String: Int] = [:]
    /// Ids a plan gives a resource other than its address: an `aws_default_route_table` is its VPC's main route table.
    var plannedIDs: [Int: String] = [:]

    // What is being built, by resource index.
    var vpcs: [Int: VPC] = [:]
    var vpcOrder: [Int] = []
    /// Which VPC (resource index) each subnet, route table, security group, endpoint belongs to.
    var owner: [String: Int] = [:]
    var regionOfVPC: [Int: String] = [:]
    var transitGateways: [Int: TransitGateway] = [:]
    var peerings: [(Int, PeeringConnection)] = []
    var vpnConnections: [(Int, VPNConnection)] = []
    var zones: [Int: PrivateHostedZone] = [:]
    var prefixLists: [(Int, PrefixList)] = []
    var resolverRules: [Int: ResolverRule] = [:]
    var onPremises: [String: OnPremisesNetwork] = [:]
    var ignored: [String: Int] = [:]
    var dataSources = 0
    var used = Set<Int>()

    init(document: TFDocument) {
        self.document = document
        self.references = TFReferences(configuration: document.configuration)
        self.resources = document.resources
        for (i, r) in resources.enumerated() {
            byConfig[r.configAddress, default: []].append(i)
            if let id = Self.knownID(r) { byID[id] = byID[id] ?? i }
        }
    }

    static func knownID(_ r: TFResource) -> String? {
        switch r.type {
        case "aws_route53_zone": r.values.string("zone_id") ?? r.values.string("id")
        case "aws_default_route_table": r.values.string("id") ?? r.values.string("default_route_table_id")
        default: r.values.string("id")
        }
    }

    /// The id the model gives a resource: its AWS id, or its address while apply has not made one.
    func id(_ i: Int) -> String { Self.knownID(resources[i]) ?? plannedIDs[i] ?? resources[i].address }

    var noun: String { document.kind.noun }

    // MARK: - References

    mutating func error(_ r: TFResource, _ attribute: String, _ message: String, rule: String = "tf-unknown-reference") {
        diagnostics.append(.error("\(r.address): \(message)", at: location(r, attribute), rule: rule))
    }

    mutating func warning(_ r: TFResource, _ attribute: String?, _ message: String, rule: String) {
        diagnostics.append(.warning("\(r.address): \(message)", at: attribute.map { location(r, $0) } ?? r.node.location, rule: rule))
    }

    /// Where an attribute is written: its value, or (unknown in a plan) the resource.
    func location(_ r: TFResource, _ attribute: String) -> SourceLocation {
        r.values[attribute]?.location ?? r.node.location
    }

    /// The resource (index) `attribute` of resource `i` refers to, one of `types`; nil when the
    /// attribute is not set, or after an error.
    mutating func reference(_ i: Int, _ attribute: String, _ types: [String], required: Bool = false) -> Int? {
        let r = resources[i]
        if let value = r.values.string(attribute) {
            if let j = byID[value], types.contains(resources[j].type) { return j }
            missing(i, attribute, value, types)
            return nil
        }
        if r.isUnknown(attribute) {
            return resolveUnknown(i, attribute, types).first
        }
        if required { error(r, attribute, "\(attribute) is not set", rule: "tf-missing-attribute") }
        return nil
    }

    /// Like `reference`, for an attribute holding a list of ids.
    mutating func referenceList(_ i: Int, _ attribute: String, _ types: [String]) -> [Int] {
        let r = resources[i]
        if let list = r.values[attribute], case .array = list.value {
            var out: [Int] = []
            for value in list.elements.compactMap(\.string) {
                if let j = byID[value], types.contains(resources[j].type) { out.append(j) } else { missing(i, attribute, value, types) }
            }
            return out
        }
        if r.isUnknown(attribute) { return resolveUnknown(i, attribute, types, all: true) }
        return []
    }

    /// A raw id value of a list attribute, kept as written when it is not a resource of the document
    /// (prefix lists, another account's groups); resolved to the model id when it is.
    mutating func ids(_ i: Int, _ attribute: String, _ types: [String]) -> [String] {
        let r = resources[i]
        if let list = r.values[attribute], case .array = list.value {
            return list.elements.compactMap(\.string).map { value in byID[value].map(id) ?? value }
        }
        if r.isUnknown(attribute) { return resolveUnknown(i, attribute, types, all: true).map(id) }
        return []
    }

    mutating func missing(_ i: Int, _ attribute: String, _ value: String, _ types: [String]) {
        let r = resources[i]
        // The resource it was made after, if the document names it: the address says more than the id.
        let named = r.dependsOn.first { dep in
            let last = dep.split(separator: ".").suffix(2)
            return last.count == 2 && types.contains(String(last.first!)) && byConfig[dep] == nil
                && !resources.contains { $0.address == dep || $0.configAddress == dep }
        }
        if let named {
            error(r, attribute, "\(attribute) refers to \(named), which is not in \(noun)")
        } else {
            error(r, attribute, "\(attribute) refers to '\(IDRules.escaped(value))', which is not in \(noun)")
        }
    }

    /// A plan attribute apply will decide, through the configuration's references; a single resource
    /// of the wanted type in the module when the references lead through locals.
    mutating func resolveUnknown(_ i: Int, _ attribute: String, _ types: [String], all: Bool = false) -> [Int] {
        let r = resources[i]
        let modulePath = TFResource.strippingKeys(r.module).joined(separator: ".")
        let raw = references.references(of: r.configAddress, attribute: attribute)
        // Computed and not written in the configuration (a rule's source group when it has CIDRs): not set.
        if raw.isEmpty && !references.isWritten(r.configAddress, attribute: attribute) { return [] }
        func ofTypes(_ found: [TFReferences.Target]) -> [TFReferences.Target] {
            found.filter { t in
                let parts = t.configAddress.split(separator: ".")
                return parts.count >= 2 && types.contains(String(parts[parts.count - 2]))
            }
        }
        var targets = ofTypes(references.targets(raw, in: modulePath))
        if targets.isEmpty, raw.contains(where: { $0.hasPrefix("each.value") }) {
            // `each.value.subnet_ids` of `for_each = var.endpoints`: what the map is made of, when that
            // is one resource of the type (`module.vpc.private_subnets` in every entry that names subnets).
            let viaForEach = ofTypes(references.targets(references.forEachReferences(of: r.configAddress), in: modulePath))
            let addresses = unique(viaForEach.map { $0.configAddress + ($0.moduleInstance ?? "") })
            if addresses.count > 1 {
                error(r, attribute, "\(attribute) is known only after apply and comes from entries of a for_each that refer to \(addresses.count) different resources; vpcgraph cannot tell which",
                      rule: "tf-unresolved-reference")
                return []
            }
            targets = viaForEach
        }
        if targets.isEmpty {
            // Through a local or a function: the one candidate in the same module, if there is one.
            var candidates = resources.indices.filter { types.contains(resources[$0].type) && resources[$0].module == r.module && !resources[$0].isData }
            if candidates.isEmpty, let key = r.index {
                // `for_each = module.net` / `module.net[each.key]`: the module instance with the referrer's key.
                let suffix = "]" == TFDocument.keyText(key).last.map(String.init) ? TFDocument.keyText(key) : ""
                candidates = resources.indices.filter { j in
                    let m = resources[j].module
                    return types.contains(resources[j].type) && !resources[j].isData && !suffix.isEmpty && m.hasSuffix(suffix)
                        && m.hasPrefix(r.module.isEmpty ? "module." : r.module + ".module.") && !m.dropLast(suffix.count).contains("[")
                }
            }
            // `for_each = aws_x.y` / `each.value.id`: the instance with the referrer's key.
            if !all, candidates.count > 1, let key = r.index, let j = candidates.first(where: { resources[$0].index == key }),
               raw.contains(where: { $0.hasPrefix("each.") }) {
                return [j]
            }
            if candidates.count == 1 || (all && !candidates.isEmpty && raw.isEmpty == false) {
                return all ? candidates : [candidates[0]]
            }
            error(r, attribute, "\(attribute) is known only after apply and vpcgraph cannot tell which \(types.joined(separator: " or ")) it refers to",
                  rule: "tf-unresolved-reference")
            return []
        }
        var out: [Int] = []
        for t in targets {
            var instances = byConfig[t.configAddress] ?? []
            if let named = t.moduleInstance {
                instances = instances.filter { resources[$0].module == named || resources[$0].module.hasPrefix(named + ".") }
            } else {
                let sameModule = instances.filter { resources[$0].module.hasPrefix(r.module) }
                if !sameModule.isEmpty { instances = sameModule }
            }
            if instances.isEmpty && references.declares(t.configAddress) { continue }
            if instances.isEmpty {
                let parts = t.configAddress.split(separator: ".")
                let shown = parts.count > 2 && !r.module.isEmpty && t.configAddress.hasPrefix(modulePath + ".")
                    ? String(t.configAddress.dropFirst(modulePath.count + 1)) : t.configAddress
                error(r, attribute, "\(attribute) refers to \(shown), which is not in \(noun)")
                continue
            }
            if let key = t.key {
                if let j = instances.first(where: { resources[$0].index == key }) { out.append(j) } else {
                    error(r, attribute, "\(attribute) refers to \(t.configAddress)\(TFDocument.keyText(key)), which is not in \(noun)")
                }
            } else if all {
                out += instances
            } else if instances.count == 1 {
                out.append(instances[0])
            } else if let key = r.index, let j = instances.first(where: { resources[$0].index == key }) {
                out.append(j)
            } else {
                error(r, attribute, "\(attribute) is known only after apply and may be any of \(instances.count) instances of \(t.configAddress); vpcgraph cannot tell which",
                      rule: "tf-unresolved-reference")
            }
        }
        return out
    }

    /// `aws_vpc.app.main_route_table_id` / `default_route_table_id`: the VPC's main route table.
    func mainTableReference(_ i: Int, _ attribute: String) -> Int? {
        let r = resources[i]
        let modulePath = TFResource.strippingKeys(r.module).joined(separator: ".")
        let raw = references.references(of: r.configAddress, attribute: attribute)
        for reference in raw where reference.hasSuffix(".main_route_table_id") || reference.hasSuffix(".default_route_table_id") {
            let vpcRef = String(reference.dropLast(reference.hasSuffix(".main_route_table_id") ? ".main_route_table_id".count : ".default_route_table_id".count))
            for t in references.targets([vpcRef], in: modulePath) {
                let candidates = (byConfig[t.configAddress] ?? []).filter { resources[$0].type == "aws_vpc" }
                let pick = candidates.first { resources[$0].index == (t.key ?? resources[i].index) } ?? candidates.first
                if let pick { return pick }
            }
        }
        return nil
    }
}

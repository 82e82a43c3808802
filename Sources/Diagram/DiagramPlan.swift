import VPCModel

/// Which diagram(s) `render` draws.
public enum DiagramView: String, CaseIterable, Sendable {
    /// Everything in one diagram, split automatically when too big (see `SplitMode`).
    case full
    /// Regions, VPCs as single nodes, and what connects them.
    case overview
    /// One detailed diagram per VPC.
    case vpc
    /// Zones, Resolver endpoints, forwarding, and the names that resolve to endpoint IPs.
    case dns
}

/// Whether the full view splits into an overview and one diagram per VPC.
public enum SplitMode: String, CaseIterable, Sendable {
    /// Split past `DiagramPlan.maxVPCs` VPCs or `DiagramPlan.maxSubnets` subnets.
    case auto
    case always
    case never
}

/// One diagram to write: its file base name (without extension) and the graph.
public struct PlannedDiagram: Sendable {
    public var baseName: String
    public var graph: DiagramGraph
}

/// Decides the diagrams for a topology and a view, with the links between them.
public enum DiagramPlan {
    /// Past either limit one picture is no longer readable (and dot gets slow): split.
    public static let maxVPCs = 8
    public static let maxSubnets = 150

    /// Why the full view must split, or nil when it fits.
    public static func splitReason(_ topology: Topology) -> String? {
        let vpcs = topology.allVPCs.count
        let subnets = topology.allVPCs.reduce(0) { $0 + $1.vpc.subnets.count }
        if vpcs > maxVPCs { return "\(vpcs) VPCs (more than \(maxVPCs))" }
        if subnets > maxSubnets { return "\(subnets) subnets (more than \(maxSubnets))" }
        return nil
    }

    /// The file base name of a VPC's own diagram: `<name>.<vpc id>`, the id made safe by `FileName`.
    public static func vpcBaseName(_ name: String, vpcID: String) -> String { "\(name).\(FileName.component(vpcID))" }

    /// The diagrams to draw. `fileExtension` is the extension links between diagrams use (`svg`).
    /// `note` says what was split and why.
    public static func plan(_ topology: Topology, name: String, view: DiagramView, split: SplitMode = .auto,
                            options: DiagramOptions, fileExtension: String = "svg") -> (diagrams: [PlannedDiagram], note: String?) {
        let vpcFiles = Dictionary(uniqueKeysWithValues: topology.allVPCs.map { ($0.vpc.id, "\(vpcBaseName(name, vpcID: $0.vpc.id)).\(fileExtension)") })
        switch view {
        case .full:
            let reason = split == .never ? nil : (split == .always ? "--split always" : splitReason(topology))
            guard let reason else {
                return ([PlannedDiagram(baseName: name, graph: buildDiagram(topology, name: name, options: options))], nil)
            }
            var overviewOptions = options
            overviewOptions.vpcFiles = vpcFiles
            var diagrams = [PlannedDiagram(baseName: name, graph: buildOverview(topology, name: name, options: overviewOptions))]
            diagrams += perVPC(topology, name: name, options: options, vpcFiles: vpcFiles, overview: "\(name).\(fileExtension)")
            let note = "\(reason): wrote an overview, \(name).\(fileExtension), and one diagram per VPC, \(name).<vpc id>.\(fileExtension), linked to each other"
            return (diagrams, note)
        case .overview:
            var overviewOptions = options
            overviewOptions.vpcFiles = [:]
            return ([PlannedDiagram(baseName: "\(name).overview", graph: buildOverview(topology, name: name, options: overviewOptions))], nil)
        case .vpc:
            return (perVPC(topology, name: name, options: options, vpcFiles: vpcFiles, overview: nil), nil)
        case .dns:
            return ([PlannedDiagram(baseName: "\(name).dns", graph: buildDNSView(topology, name: name, options: options))], nil)
        }
    }

    static func perVPC(_ topology: Topology, name: String, options: DiagramOptions, vpcFiles: [String: String],
                       overview: String?) -> [PlannedDiagram] {
        var vpcOptions = options
        vpcOptions.vpcFiles = vpcFiles
        vpcOptions.overviewFile = overview
        return topology.allVPCs.map { _, vpc in
            let base = vpcBaseName(name, vpcID: vpc.id)
            return PlannedDiagram(baseName: base, graph: buildDiagram(topology, name: base, options: vpcOptions, focus: [vpc.id]))
        }
    }
}

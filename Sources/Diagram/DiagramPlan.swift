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

/// One diagram to write: its file base name (without extension), what it shows, and the graph.
public struct PlannedDiagram: Sendable {
    public var baseName: String
    public var role: OutputNames.Role
    public var graph: DiagramGraph
}

/// Decides the diagrams for a topology and a view, with the links between them. Their names come
/// from `OutputNames`.
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

    /// Why the view is split, or nil when it is not (only the full view splits).
    public static func splitReason(_ topology: Topology, view: DiagramView, split: SplitMode) -> String? {
        guard view == .full, split != .never else { return nil }
        return split == .always ? "--split always" : splitReason(topology)
    }

    /// The diagrams a render of the view writes, without building them.
    public static func roles(_ topology: Topology, name: String, view: DiagramView, split: SplitMode = .auto) -> [OutputNames.Role] {
        OutputNames(name: name).roles(topology, view: view, splits: splitReason(topology, view: view, split: split) != nil)
    }

    /// The file base name of a VPC's own diagram: `<name>.<vpc id>`, the id made safe by `FileName`.
    public static func vpcBaseName(_ name: String, vpcID: String) -> String { OutputNames(name: name).baseName(.vpc(vpcID)) }

    /// The diagrams to draw. `fileExtension` is the extension links between diagrams use (`svg`).
    /// `note` says what was split and why.
    public static func plan(_ topology: Topology, name: String, view: DiagramView, split: SplitMode = .auto,
                            options: DiagramOptions, fileExtension: String = "svg") -> (diagrams: [PlannedDiagram], note: String?) {
        var diagrams: [PlannedDiagram] = []
        let note = plan(topology, name: name, view: view, split: split, options: options, fileExtension: fileExtension) { diagrams.append($0) }
        return (diagrams, note)
    }

    /// Like `plan`, handing each diagram to `body` as soon as it is built (so that its layout can
    /// start while the next is built). Returns the note.
    public static func plan(_ topology: Topology, name: String, view: DiagramView, split: SplitMode = .auto,
                            options: DiagramOptions, fileExtension: String = "svg", each body: (PlannedDiagram) -> Void) -> String? {
        let names = OutputNames(name: name)
        let reason = splitReason(topology, view: view, split: split)
        let roles = names.roles(topology, view: view, splits: reason != nil)
        // Links between diagrams go only to diagrams of this view.
        var vpcFiles: [String: String] = [:]
        for case .vpc(let id) in roles where vpcFiles[id] == nil { vpcFiles[id] = names.file(.vpc(id), extension: fileExtension) }
        let overview = roles.contains(.splitOverview) ? names.file(.splitOverview, extension: fileExtension) : nil
        for role in roles {
            let base = names.baseName(role)
            // The graph's own name: the base name of the input, or of a VPC's diagram.
            var graphName = name
            if case .vpc = role { graphName = base }
            var options = options
            let graph: DiagramGraph
            switch role {
            case .whole:
                graph = buildDiagram(topology, name: graphName, options: options)
            case .splitOverview, .overview:
                options.vpcFiles = vpcFiles
                graph = buildOverview(topology, name: graphName, options: options)
            case .vpc(let id):
                options.vpcFiles = vpcFiles
                options.overviewFile = overview
                graph = buildDiagram(topology, name: graphName, options: options, focus: [id])
            case .dns:
                graph = buildDNSView(topology, name: graphName, options: options)
            }
            body(PlannedDiagram(baseName: base, role: role, graph: graph))
        }
        return reason.map { reason in
            "\(reason): wrote an overview, \(names.file(.splitOverview, extension: fileExtension)), and one diagram per VPC, \(name).<vpc id>.\(fileExtension), linked to each other"
        }
    }
}

import VPCModel

/// The one place that names what a render writes: which diagrams each `--view` draws and under
/// which file names, the Markdown document's name, and which diagrams that document embeds (only
/// files the same render writes). `DiagramPlan`, the pipeline, the links between diagrams and the
/// Markdown all take their names from here.
public struct OutputNames: Sendable, Equatable {
    /// What one diagram shows.
    public enum Role: Sendable, Equatable, Hashable {
        /// The whole topology in one diagram (`--view full`, not split): `<name>`.
        case whole
        /// The overview that a split full view starts with: `<name>`.
        case splitOverview
        /// `--view overview`: `<name>.overview`.
        case overview
        /// One VPC in detail: `<name>.<vpc id>` (the id made safe by `FileName`).
        case vpc(String)
        /// `--view dns`: `<name>.dns`.
        case dns
    }

    /// The base name of every output: the input's base name.
    public let name: String

    public init(name: String) { self.name = name }

    /// `<name>.md`.
    public var document: String { "\(name).md" }

    /// The base name (no extension) of a diagram.
    public func baseName(_ role: Role) -> String {
        switch role {
        case .whole, .splitOverview: name
        case .overview: "\(name).overview"
        case .vpc(let id): "\(name).\(FileName.component(id))"
        case .dns: "\(name).dns"
        }
    }

    /// The file of a diagram in a format (`svg`, `png`, `dot`).
    public func file(_ role: Role, extension ext: String) -> String { "\(baseName(role)).\(ext)" }

    /// The diagrams a view draws, in the order they are written; `splits`: whether the full view
    /// is split into an overview and one diagram per VPC.
    public func roles(_ topology: Topology, view: DiagramView, splits: Bool) -> [Role] {
        let vpcs = topology.allVPCs.map { Role.vpc($0.vpc.id) }
        switch view {
        case .full: return splits ? [.splitOverview] + vpcs : [.whole]
        case .overview: return [.overview]
        case .vpc: return vpcs
        case .dns: return [.dns]
        }
    }

    /// What the Markdown document embeds: the diagrams on top (the whole topology, the overview or
    /// the DNS view) and, per VPC id, the VPC's own diagram (shown in that VPC's section). Empty
    /// when the render writes no picture (`ext` nil).
    public func embedded(_ roles: [Role], extension ext: String?) -> EmbeddedDiagrams {
        guard let ext else { return EmbeddedDiagrams() }
        var result = EmbeddedDiagrams()
        for role in roles {
            switch role {
            case .vpc(let id): if result.perVPC[id] == nil { result.perVPC[id] = file(role, extension: ext) }
            case .whole, .splitOverview, .overview, .dns: result.top.append(file(role, extension: ext))
            }
        }
        return result
    }
}

/// The diagram files a Markdown document shows.
public struct EmbeddedDiagrams: Sendable, Equatable {
    /// Shown at the top, in order.
    public var top: [String] = []
    /// VPC id → the VPC's own diagram, shown in its section.
    public var perVPC: [String: String] = [:]

    public init(top: [String] = [], perVPC: [String: String] = [:]) {
        self.top = top
        self.perVPC = perVPC
    }

    /// Every file, top first, then the VPCs' in id order.
    public var all: [String] { top + perVPC.keys.sorted().map { perVPC[$0]! } }
}

import Diagram
import Foundation
import Graphviz
import VPCModel
import VPCReaders

/// An output format of `vpcgraph render`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case dot, svg

    public var fileExtension: String { rawValue }
}

/// One file the pipeline produced, not yet written.
public struct OutputFile: Equatable, Sendable {
    public var fileName: String
    public var contents: String
}

/// The stages wired together: read → parse → validate → build diagram → DOT → layout → SVG.
public struct Pipeline: Sendable {
    public var formats: [OutputFormat]
    public var diagramOptions: DiagramOptions

    public init(formats: [OutputFormat] = [.dot, .svg], diagramOptions: DiagramOptions = DiagramOptions()) {
        self.formats = formats
        self.diagramOptions = diagramOptions
    }

    /// Reads and checks one input file. The topology is nil when the file could not be read or parsed.
    public static func load(path: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read '\(path)'" : "no such file '\(path)'"
            return (nil, [.error(reason, at: SourceLocation(file: path), rule: "input-file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error("'\(path)' is not UTF-8 text", at: SourceLocation(file: path), rule: "input-file")])
        }
        var (topology, diagnostics) = TopologyParser.parse(text, file: path)
        if let topology {
            diagnostics += topology.validate()
            if topology.regions.allSatisfy({ $0.vpcs.isEmpty }) && topology.onPremises.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(.error("the topology has no vpcs; nothing to draw", at: topology.origin.location, rule: "empty-topology"))
            }
        }
        return (topology, diagnostics)
    }

    /// Renders a checked topology; `name` is the output base name (the input's base name).
    public func render(_ topology: Topology, name: String) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let diagram = buildDiagram(topology, name: name, options: diagramOptions)
        let dot = DOTWriter.write(diagram)
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for format in formats {
            switch format {
            case .dot:
                files.append(OutputFile(fileName: "\(name).dot", contents: dot))
            case .svg:
                let (svg, messages) = GraphvizRenderer.render(dot: dot, format: .svg, file: "\(name).dot")
                diagnostics += messages
                if let svg { files.append(OutputFile(fileName: "\(name).svg", contents: SVGPostProcessor.process(svg))) }
            }
        }
        return (files, diagnostics)
    }

    /// Load, check and render one input.
    public func run(path: String) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let (topology, diagnostics) = Pipeline.load(path: path)
        guard let topology, !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        let (files, more) = render(topology, name: Pipeline.baseName(of: path))
        return (files, diagnostics + more)
    }

    /// `samples/app-vpc.yaml` → `app-vpc`.
    public static func baseName(of path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        for ext in [".yaml", ".yml", ".json"] where file.hasSuffix(ext) { return String(file.dropLast(ext.count)) }
        return file
    }
}

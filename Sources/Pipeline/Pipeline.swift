import Diagram
import Foundation
import Graphviz
import Markdown
import VPCModel
import VPCReaders

/// An output format of `vpcgraph render`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case dot, svg, md

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
    /// The Markdown templates and price table (`--templates DIR`, else the built-in ones).
    public var templates: TemplateSet

    public init(formats: [OutputFormat] = [.dot, .svg, .md], diagramOptions: DiagramOptions = DiagramOptions(), templates: TemplateSet = .builtIn) {
        self.formats = formats
        self.diagramOptions = diagramOptions
        self.templates = templates
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
    /// `timing`, when given, is told how long each stage took: `.dot` building the diagram and its DOT
    /// (once, when DOT or SVG is asked for), `.svg` the layout and SVG, `.md` the Markdown.
    public func render(_ topology: Topology, name: String,
                       timing: ((OutputFormat, Duration) -> Void)? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let clock = ContinuousClock()
        func timed<T>(_ stage: OutputFormat, _ work: () -> T) -> T {
            let start = clock.now
            let result = work()
            timing?(stage, clock.now - start)
            return result
        }
        // The diagram is built only for the formats that need it.
        let dot = formats.contains(where: { $0 != .md })
            ? timed(.dot) { DOTWriter.write(buildDiagram(topology, name: name, options: diagramOptions)) } : ""
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for format in formats {
            switch format {
            case .dot:
                files.append(OutputFile(fileName: "\(name).dot", contents: dot))
            case .svg:
                let (svg, messages) = timed(.svg) {
                    let (svg, messages) = GraphvizRenderer.render(dot: dot, format: .svg, file: "\(name).dot")
                    return (svg.map(SVGPostProcessor.process), messages)
                }
                diagnostics += messages
                if let svg { files.append(OutputFile(fileName: "\(name).svg", contents: svg)) }
            case .md:
                let markdown = timed(.md) { renderMarkdown(topology, documentName: name, templates: templates) }
                files.append(OutputFile(fileName: "\(name).md", contents: markdown))
            }
        }
        return (files, diagnostics)
    }

    /// Load, check and render one input.
    public func run(path: String, timing: ((OutputFormat, Duration) -> Void)? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let (topology, diagnostics) = Pipeline.load(path: path)
        guard let topology, !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        let (files, more) = render(topology, name: Pipeline.baseName(of: path), timing: timing)
        return (files, diagnostics + more)
    }

    /// `samples/app-vpc.yaml` → `app-vpc`.
    public static func baseName(of path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        for ext in [".yaml", ".yml", ".json"] where file.hasSuffix(ext) { return String(file.dropLast(ext.count)) }
        return file
    }
}

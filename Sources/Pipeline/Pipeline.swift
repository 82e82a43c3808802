import CloudFormationImport
import Diagram
import FileAccess
import Foundation
import Graphviz
import Markdown
import VPCModel
import VPCReaders

/// An output format of `vpcgraph render`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case dot, svg, md
    /// A bitmap from Graphviz's cairo renderer (not byte-stable: text is measured with the installed fonts).
    case png

    public var fileExtension: String { rawValue }
}

/// One file the pipeline produced, not yet written.
public struct OutputFile: Equatable, Sendable {
    public var fileName: String
    public var data: Data

    public init(fileName: String, contents: String) {
        self.fileName = fileName
        self.data = Data(contents.utf8)
    }

    public init(fileName: String, data: Data) {
        self.fileName = fileName
        self.data = data
    }

    /// The file as text (for text formats).
    public var contents: String { String(decoding: data, as: UTF8.self) }
}

/// What rendering one topology produced.
public struct Rendering: Sendable {
    public var files: [OutputFile] = []
    public var diagnostics: [Diagnostic] = []
    /// What the user should know that is not a problem (e.g. that the diagram was split).
    public var notes: [String] = []
}

/// The stages wired together: read → parse → validate → build diagram → DOT → layout → SVG.
public struct Pipeline: Sendable {
    public var formats: [OutputFormat]
    public var diagramOptions: DiagramOptions
    /// The Markdown templates and price table (`--templates DIR`); nil: the built-in ones, which
    /// are parsed only when Markdown is rendered.
    public var templates: TemplateSet?
    public var view: DiagramView
    public var split: SplitMode
    /// Where SVG layout runs: nil in this process, one diagram after the other; else in worker processes (`--jobs`).
    public var workers: LayoutWorkers?
    /// Told, from any thread, how many of a render's diagrams are laid out: (done, total). For
    /// progress lines; never changes what is rendered.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// `--parameter` and `--region` for CloudFormation templates.
    public var cloudFormation = CloudFormationOptions()

    public init(formats: [OutputFormat] = [.dot, .svg, .md], diagramOptions: DiagramOptions = DiagramOptions(), templates: TemplateSet? = nil,
                view: DiagramView = .full, split: SplitMode = .auto) {
        self.formats = formats
        self.diagramOptions = diagramOptions
        self.templates = templates
        self.view = view
        self.split = split
    }

    /// Reads and checks one input file. The topology is nil when the file could not be read or parsed.
    public static func load(path: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let data: Data
        do {
            data = try InputFile.read(path)
        } catch {
            let rule = if case .tooLarge = error { InputFileError.tooLargeRule } else { "input-file" }
            return (nil, [.error(error.message(path: path), at: SourceLocation(file: path), rule: rule)])
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

    /// The error for an SVG the last safety check refused (`SVGSafety.problems`): a bug of vpcgraph's.
    public static func unsafeSVG(_ baseName: String, _ problems: [String]) -> Diagnostic {
        .error("refusing to write '\(baseName).svg': it \(problems.joined(separator: "; "))", at: SourceLocation(file: "\(baseName).svg"), rule: "svg-safety")
    }

    /// The article's advice (`Topology.advise()`) and unused `ignore:` entries, for a topology the
    /// earlier diagnostics found no error in (advice over a broken topology would only add noise).
    /// `check` prints them; `render` does not (its Markdown has a Findings section instead).
    public static func advice(_ topology: Topology, after diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        return topology.advise().map(\.diagnostic) + topology.unusedIgnores()
    }

    /// Renders a checked topology; `name` is the output base name (the input's base name).
    /// `timing`, when given, is told how long each stage took: `.dot` building the diagrams and their
    /// DOT (once, when DOT, SVG or PNG is asked for), `.svg` the layout and SVG, `.png` the bitmaps,
    /// `.md` the Markdown.
    public func render(_ topology: Topology, name: String,
                       timing: ((OutputFormat, Duration) -> Void)? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let rendering = renderAll(topology, name: name, timing: timing)
        return (rendering.files, rendering.diagnostics)
    }

    /// Inputs from this size on have the layout workers started before they are read: their parse
    /// takes long enough for the workers' start-up to hide behind it. A smaller input (one VPC is
    /// 3 KB) is read in milliseconds, and often draws a single diagram, laid out in this process.
    public static let prepareWorkersFrom = 256 * 1024

    /// Worker processes for `renderAll`'s layout, started before an input of `inputBytes` is read;
    /// nil when the layout runs in this process (one job, or no SVG) or the input is small.
    public func prepareWorkers(inputBytes: Int) -> PreparedWorkers? {
        formats.contains(.svg) && inputBytes >= Self.prepareWorkersFrom ? workers?.prepare() : nil
    }

    /// Like `render`, with notes (e.g. that the diagram was split into an overview and one per VPC).
    /// `prepared`: workers started ahead (`prepareWorkers`).
    public func renderAll(_ topology: Topology, name: String, timing: ((OutputFormat, Duration) -> Void)? = nil,
                          prepared: PreparedWorkers? = nil) -> Rendering {
        let clock = ContinuousClock()
        func timed<T>(_ stage: OutputFormat, _ work: () -> T) -> T {
            let start = clock.now
            let result = work()
            timing?(stage, clock.now - start)
            return result
        }
        var result = Rendering()
        // The article's advice, computed once for the badges of every diagram and the Markdown's Findings.
        let findings = topology.advise()
        let wantsDiagrams = formats.contains(where: { $0 == .dot || $0 == .svg })
        let wantsSVG = formats.contains(.svg)
        // What links in the SVGs may point at: the diagrams of this render and its document.
        let roles = DiagramPlan.roles(topology, name: name, view: view, split: split)
        let names = OutputNames(name: name)
        // Layout starts as each diagram's DOT is written: in worker processes, it runs while this
        // process builds the next diagrams, the Markdown, and post-processes the SVGs that came back.
        let finished = progress.map { LayoutCount(total: roles.count, report: $0).finished }
        let linkable = Set(roles.map { names.file($0, extension: "svg") } + [names.document])
        let svgOptions = SVGPostProcessor.Options(theme: diagramOptions.theme, transparent: diagramOptions.transparent)
        let finishing = LayoutWorkers.Finishing(options: svgOptions, linkableFiles: linkable)
        let layout = wantsSVG ? (workers ?? .inProcess).start(count: roles.count, finishing: finishing, finished: finished, prepared: prepared) : nil
        var diagrams: [(baseName: String, dot: [UInt8])] = []
        if wantsDiagrams {
            timed(.dot) {
                var options = diagramOptions
                options.findings = findings
                let note = DiagramPlan.plan(topology, name: name, view: view, split: split, options: options) { planned in
                    let dot = DOTWriter.writeBytes(planned.graph)
                    layout?.submit(file: "\(planned.baseName).dot", dot: dot)
                    diagrams.append((planned.baseName, dot))
                }
                if let note { result.notes.append(note) }
            }
        }
        layout?.close()
        // The Markdown first when the layout runs elsewhere (it overlaps), else in the formats' order.
        var markdown: String?
        func renderDocument() -> String {
            if let markdown { return markdown }
            // Only pictures this render writes: the SVGs, else the PNGs, else none.
            let picture: String? = formats.contains(.svg) ? "svg" : formats.contains(.png) ? "png" : nil
            let embedded = names.embedded(roles, extension: picture)
            let document = timed(.md) {
                renderMarkdown(topology, documentName: name, diagrams: embedded.top, vpcDiagrams: embedded.perVPC, templates: templates ?? .builtIn,
                               findings: findings)
            }
            markdown = document
            return document
        }
        if let workers, workers.jobs > 1, wantsSVG, formats.contains(.md) { _ = renderDocument() }
        for format in formats {
            switch format {
            case .dot:
                for diagram in diagrams {
                    // With an SVG, Graphviz reads the same text below; without one, check it reads.
                    if !wantsSVG {
                        let problems = GraphvizRenderer.check(dot: String(decoding: diagram.dot, as: UTF8.self), file: "\(diagram.baseName).dot")
                        result.diagnostics += problems
                        if problems.contains(where: { $0.severity == .error }) { continue }
                    }
                    result.files.append(OutputFile(fileName: "\(diagram.baseName).dot", data: Data(diagram.dot)))
                }
            case .svg:
                guard let layout else { continue }
                timed(.svg) {
                    for (index, diagram) in diagrams.enumerated() {
                        // Post-processed and checked by SVGSafety where it was laid out.
                        let (processed, messages, problems) = layout.result(index)
                        result.diagnostics += messages
                        guard let processed else { continue }
                        guard problems.isEmpty else {
                            // A bug of vpcgraph's, never the input's: refuse to write it.
                            result.diagnostics.append(Self.unsafeSVG(diagram.baseName, problems))
                            continue
                        }
                        result.files.append(OutputFile(fileName: "\(diagram.baseName).svg", data: Data(processed)))
                    }
                }
            case .png:
                timed(.png) {
                    let (files, diagnostics, note) = renderBitmaps(topology, name: name, findings: findings)
                    result.files += files
                    result.diagnostics += diagnostics
                    if let note, !result.notes.contains(note) { result.notes.append(note) }
                }
            case .md:
                result.files.append(OutputFile(fileName: names.document, contents: renderDocument()))
            }
        }
        return result
    }

    /// PNGs of the same diagrams, through Graphviz's cairo renderer. Graphviz can only draw image
    /// files, so the icons are written to a temporary folder for the time of the rendering.
    func renderBitmaps(_ topology: Topology, name: String, findings: [Finding]) -> (files: [OutputFile], diagnostics: [Diagnostic], note: String?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcgraph-icons-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = diagramOptions
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for icon in Icon.allCases {
                // Graphviz 2.42 takes a file for SVG only when it starts with an XML declaration.
                let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + icon.source + "\n"
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(icon.rawValue).svg"))
            }
            options.icons = .images(directory: folder.path)
        } catch {
            options.icons = .none
        }
        options.findings = findings
        let (planned, note) = DiagramPlan.plan(topology, name: name, view: view, split: split, options: options)
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for diagram in planned {
            let (png, messages) = GraphvizRenderer.renderData(dot: DOTWriter.write(diagram.graph), format: .png, file: "\(diagram.baseName).dot")
            diagnostics += messages
            if let png { files.append(OutputFile(fileName: "\(diagram.baseName).png", data: png)) }
        }
        return (files, diagnostics, note)
    }

    /// Load, check and render one input.
    public func run(path: String, timing: ((OutputFormat, Duration) -> Void)? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let rendering = runAll(path: path, timing: timing)
        return (rendering.files, rendering.diagnostics)
    }

    /// Like `run`, with notes.
    public func runAll(path: String, from source: InputSource = .topology, timing: ((OutputFormat, Duration) -> Void)? = nil) -> Rendering {
        let (topology, diagnostics) = Pipeline.load(path: path, from: source, cloudFormation: cloudFormation)
        guard let topology, !diagnostics.contains(where: { $0.severity == .error }) else { return Rendering(diagnostics: diagnostics) }
        var rendering = renderAll(topology, name: Pipeline.baseName(of: path), timing: timing)
        rendering.diagnostics = diagnostics + rendering.diagnostics
        return rendering
    }

    /// `samples/app-vpc.yaml` → `app-vpc`.
    public static func baseName(of path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        for ext in [".yaml", ".yml", ".json"] where file.hasSuffix(ext) { return String(file.dropLast(ext.count)) }
        return file
    }
}

/// Counts finished layouts for `Pipeline.progress`, from whichever thread finishes one.
final class LayoutCount: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    var finished: @Sendable () -> Void {
        { [self] in
            lock.withLock { done += 1; report(done, total) }  // in order: 4/4 is never drawn before 3/4
        }
    }
}

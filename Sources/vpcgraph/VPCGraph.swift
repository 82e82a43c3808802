import ArgumentParser
import Diagram
import FileAccess
import Foundation
import Markdown
import Pipeline
import VPCModel

@main
// Every command states its `commandName`: without one, ArgumentParser derives it from
// `String(describing:)` of the type on every run, which demangles type names (8% of a one-VPC render).
struct VPCGraph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vpcgraph",
        abstract: "Draw and document AWS networks: VPCs, subnets, routes, gateways and VPC endpoints.",
        version: VPCGraphVersion.current,
        subcommands: [Render.self, Check.self, Explain.self, Rules.self, Templates.self, Import.self, Collect.self, Schema.self, LayoutWorker.self])
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render topology files to DOT, SVG, PNG and Markdown.",
        discussion: "Writes DIR/<input base name>.<format> for each input. Nothing is written if any input has an error.\n\n"
            + "Views: 'full' (default) draws everything in one diagram or, past \(DiagramPlan.maxVPCs) VPCs or \(DiagramPlan.maxSubnets) subnets, "
            + "an overview (<name>.svg) and one diagram per VPC (<name>.<vpc id>.svg), linked to each other; 'overview' writes "
            + "<name>.overview.svg, 'vpc' one <name>.<vpc id>.svg per VPC, 'dns' <name>.dns.svg.")

    @Argument(help: "Topology files (YAML or JSON), or with --from aws, folders of AWS CLI outputs.")
    var inputs: [String]

    @Option(help: "What the inputs are: 'topology' files, 'aws' snapshot folders (see 'vpcgraph collect'), or 'cloudformation' templates.")
    var from: InputSource = .topology

    @OptionGroup var cloudFormation: CloudFormationArguments

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var output: String = "out"

    @Option(help: "Comma-separated formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "dot,svg,md"

    @Option(help: ArgumentHelp("Directory of Markdown templates and prices.json (from 'vpcgraph templates export'); files it lacks come from the built-in set.",
                               valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("What to draw: \(DiagramView.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "view"))
    var view: DiagramView = .full

    @Option(help: ArgumentHelp("Split the full view into an overview and one diagram per VPC: auto (when big), always, never.", valueName: "when"))
    var split: SplitMode = .auto

    @Option(help: ArgumentHelp("Colours: light, dark, or auto (light, dark when the viewer prefers dark; SVG only).", valueName: "theme"))
    var theme: Theme = .auto

    @Option(help: ArgumentHelp("How much each VPC diagram shows: summary (tiers, gateways, endpoints as a group), standard (names, CIDRs, DNS names, routes; ids in tooltips) or full (every id and interface).",
                               valueName: "level"))
    var detail: DetailLevel = .standard

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Flag(name: .customLong("legend"), inversion: .prefixedNo, help: "Draw a legend of the kinds shown.")
    var legend = true

    @Option(help: ArgumentHelp("Make resources in the SVG links: docs (to their section of <name>.md) or console (to their AWS console page).",
                               valueName: "target"))
    var link: LinkChoice?

    @Flag(help: "Same as --link docs.")
    var linkDocs = false

    @Flag(help: "Render in memory and compare with the output directory; write nothing. Exits 1 listing each stale, missing and extra file.")
    var check = false

    @Flag(help: "Remove files an earlier render of these inputs wrote that this one does not (only files vpcgraph's manifest lists).")
    var prune = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Exit 1 after writing when any file was written or removed (for pre-commit hooks: the commit fails, the next one passes).")
    var failOnChange = false

    @Option(help: ArgumentHelp("Lay out diagrams in this many worker processes (default: the number of cores); the outputs are the same whatever the number.",
                               valueName: "n"))
    var jobs: Int?

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        if check && prune { throw ValidationError("--check writes nothing; drop --prune, or --check to prune") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        _ = try formats()
        var names: [String: String] = [:]
        for input in inputs {
            let name = Pipeline.baseName(of: input)
            if let other = names[name] {
                throw ValidationError("'\(other)' and '\(input)' would both write '\(name).*'; render them into different directories")
            }
            names[name] = input
            for format in try formats() {
                let target = URL(fileURLWithPath: output).appendingPathComponent("\(name).\(format.fileExtension)").standardizedFileURL.path
                if target == URL(fileURLWithPath: input).standardizedFileURL.path {
                    throw ValidationError("output '\(target)' would overwrite the input '\(input)'")
                }
            }
        }
    }

    func formats() throws -> [OutputFormat] {
        var result: [OutputFormat] = []
        for word in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let f = OutputFormat(rawValue: word) else {
                throw ValidationError("unknown format '\(word)'; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(f) { result.append(f) }
        }
        if result.isEmpty { throw ValidationError("--format names no format") }
        return result
    }

    /// The options that shape the outputs, in one canonical line for the manifest.
    func optionLine(templateHash: String?) throws -> String {
        let linkWord = (link ?? (linkDocs ? .docs : nil))?.rawValue ?? "none"
        return (["from=\(from.rawValue)", "format=\(try formats().map(\.rawValue).joined(separator: ","))", "view=\(view.rawValue)",
                "split=\(split.rawValue)", "theme=\(theme.rawValue)", "transparent=\(transparent)", "legend=\(legend)",
                "link=\(linkWord)", "templates=\(templateHash ?? "built-in")"] + cloudFormation.optionWords).joined(separator: " ")
            + (detail == .standard ? "" : " detail=\(detail.rawValue)")
    }

    func run() throws {
        // nil: the built-in templates, parsed only when Markdown is asked for.
        var templateSet: TemplateSet?
        var templateHash: String?
        if let templates {
            do {
                templateSet = try TemplateSet(directory: templates)
                templateHash = OutputFolder.inputHash(templates) ?? ""
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
        let options = try optionLine(templateHash: templateHash)
        var renderJobs: [RenderJob] = []
        let progressLine = ProgressLine()
        for input in inputs {
            let name = Pipeline.baseName(of: input)
            let links: LinkTarget = switch link ?? (linkDocs ? .docs : nil) {
            case .docs: .docs("\(name).md")
            case .console: .console
            case nil: .none
            }
            var diagramOptions = DiagramOptions(links: links, theme: theme, transparent: transparent, legend: legend)
            diagramOptions.detail = detail
            diagramOptions.legacyVPCLayout = ProcessInfo.processInfo.environment["VPCGRAPH_BENCH_OLD_VPC_LAYOUT"] == "1"
            var pipeline = Pipeline(formats: try formats(), diagramOptions: diagramOptions, templates: templateSet, view: view, split: split)
            let workerCount = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            if workerCount > 1 { pipeline.workers = LayoutWorkers.current(jobs: workerCount) }
            pipeline.progress = progressLine.reporter(for: name)
            pipeline.cloudFormation = try cloudFormation.options(for: from)
            renderJobs.append(RenderJob(path: input, source: from, pipeline: pipeline, options: options))
        }
        // --timings (hidden; for `make bench`): one stderr line per stage, e.g. `timing: app-vpc md 0.004512 s`.
        let report: @Sendable (String, OutputFormat, Duration) -> Void = { name, format, duration in
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            FileHandle.standardError.write(Data("timing: \(name) \(format.rawValue) \(String(format: "%.6f", seconds)) s\n".utf8))
        }
        let render = FolderRender.run(renderJobs, into: output, timing: timings ? report : nil)
        progressLine.clear()
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: strict ? render.diagnostics.map { $0.strict } : render.diagnostics)
        DiagnosticPrinter.print(collector.sorted)
        if collector.hasErrors { throw ExitCode(1) }
        if check {
            let lines = render.stale.map { "stale: \(OutputFolder.path(of: $0, in: output))" }
                + render.missing.map { "missing: \(OutputFolder.path(of: $0, in: output))" }
                + render.extra.map { "extra: \(OutputFolder.path(of: $0, in: output))" }
            guard !lines.isEmpty else { return }
            for line in lines { print(line) }
            print("run '\(updateCommand(prune: !render.extra.isEmpty))' to update")
            throw ExitCode(1)
        }
        var changed = false
        do throws(FileWriteError) {
            let (written, removed, manifestChanged) = try render.write(prune: prune)
            for note in render.notes { print(note) }
            for path in written { print("wrote \(path)") }
            for path in removed { print("removed \(path)") }
            if !prune {
                for name in render.extra {
                    print("\(OutputFolder.path(of: name, in: output)): an earlier render wrote it and this one does not; --prune removes it")
                }
            }
            changed = !written.isEmpty || !removed.isEmpty || manifestChanged
        } catch {
            DiagnosticPrinter.print(OutputWriter.diagnostics(error))
            throw ExitCode(1)
        }
        if failOnChange && changed {
            FileHandle.standardError.write(Data("vpcgraph: files in '\(output)' changed; add them to the commit\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The command line that brings the folder up to date: this one without --check, with --prune
    /// when there are extra files.
    func updateCommand(prune: Bool) -> String {
        var words = ["vpcgraph"] + CommandLine.arguments.dropFirst().filter { $0 != "--check" }
        if prune && !words.contains("--prune") { words.append("--prune") }
        return words.map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=,:@%+".unicodeScalars.contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Diagnostic {
    /// `--strict`: a warning becomes an error.
    var strict: Diagnostic {
        var copy = self
        if copy.severity == .warning { copy.severity = .error }
        return copy
    }
}

/// `--link` values.
enum LinkChoice: String, ExpressibleByArgument, CaseIterable {
    case docs, console
}

extension DiagramView: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
extension SplitMode: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}
extension DetailLevel: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check topology files and report problems and the article's advice; write nothing.",
        discussion: "Structural errors first; on a topology without errors, the advice rules ('vpcgraph rules' lists them) as warnings and notes. "
            + "A resource's 'ignore: [{rule: ID, reason: …}]' accepts a finding for it.")

    @Argument(help: "Topology files (YAML or JSON), or with --from aws, folders of AWS CLI outputs.")
    var inputs: [String]

    @Option(help: "What the inputs are: 'topology' files, 'aws' snapshot folders, or 'cloudformation' templates.")
    var from: InputSource = .topology

    @OptionGroup var cloudFormation: CloudFormationArguments

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("How to print the diagnostics: text (on stderr), or on stdout json, sarif (SARIF 2.1.0, for code scanning) or github (workflow-command annotations).",
                               valueName: "format"))
    var format: DiagnosticFormat = .text

    func run() throws {
        var collector = DiagnosticCollector()
        for input in inputs {
            var (topology, diagnostics) = Pipeline.load(path: input, from: from, cloudFormation: try cloudFormation.options(for: from))
            if let topology { diagnostics += Pipeline.advice(topology, after: diagnostics) }
            collector.emit(contentsOf: strict ? diagnostics.map { $0.strict } : diagnostics)
        }
        if format == .text {
            DiagnosticPrinter.print(collector.sorted)
        } else {
            print(format.render(collector.sorted), terminator: "")
        }
        if collector.hasErrors { throw ExitCode(1) }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain how traffic from a subnet (or an on-premises network) reaches a name or an IP: DNS, routes, security groups, hop by hop.",
        discussion: "Exits 0 when the traffic gets there, 2 when it cannot (the last line says why), 1 for input errors. "
            + "The input kind is --input-kind (render's and check's --from): here --from names where the traffic starts.")

    @Argument(help: "A topology file (YAML or JSON), or with --input-kind aws, a folder of AWS CLI outputs.")
    var input: String

    @Option(help: ArgumentHelp("Where the traffic starts: a subnet id, or the id of an on-premises network.", valueName: "subnet-id"))
    var from: String

    @Option(help: ArgumentHelp("Where it goes: a DNS name or an IPv4 address, with an optional :PORT (default 443, TCP).", valueName: "name|ip[:port]"))
    var to: String

    @Option(help: ArgumentHelp("What the input is: 'topology' (default), 'aws' (a snapshot folder), 'terraform' (state or plan JSON, or a tfstate) or 'cloudformation' (a template).",
                               valueName: "kind"))
    var inputKind: InputSource = .topology

    @OptionGroup var cloudFormation: CloudFormationArguments

    @Option(help: ArgumentHelp("Output: text (for people) or json (for tools; keys in a fixed order).", valueName: "format"))
    var format: ExplainFormat = .text

    func run() throws {
        let (topology, diagnostics) = Pipeline.load(path: input, from: inputKind, cloudFormation: try cloudFormation.options(for: inputKind))
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: diagnostics)
        DiagnosticPrinter.print(collector.sorted)
        guard let topology, !collector.hasErrors else { throw ExitCode(1) }
        let source: ExplainSource = topology.onPremises.contains { $0.id == from } ? .onPremises(from) : .subnet(from)
        switch topology.explain(from: source, to: to) {
        case .failure(let error):
            throw ValidationError(error.message)
        case .success(let explanation):
            // Names from the input may hold terminal escapes: printed as \\u{…} (JSON escapes them itself).
            print(format == .json ? explanation.json : DiagnosticPrinter.printable(explanation.text), terminator: "")
            if !explanation.outcome.reached { throw ExitCode(2) }
        }
    }
}

enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the Markdown templates.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in Markdown templates and price table to a directory, to change and use with 'render --templates'.",
            discussion: "Refuses to overwrite existing files unless --force is given; then writes nothing.")

        @Argument(help: "Directory to write into (created if missing).")
        var directory: String

        @Flag(help: "Overwrite files that exist already.")
        var force = false

        func run() throws {
            do {
                for path in try TemplateSet.builtIn.export(to: directory, overwrite: force) { print("wrote \(path)") }
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the topology format, for editors and CI.",
        discussion: "The same file is in the repository as schema/topology.schema.json. With the YAML language server, "
            + "a first line '# yaml-language-server: $schema=<path or URL of the schema>' gives completion and errors in the editor.")

    func run() {
        print(TopologySchema.json)
    }
}

/// `vpcgraph _layout-worker` (hidden): the worker process of `render --jobs`.
struct LayoutWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_layout-worker",
        abstract: "Internal: the layout worker process 'render --jobs' starts; not for direct use.",
        shouldDisplay: false)

    func run() {
        LayoutWorkers.serve()
    }
}

import ArgumentParser
import Diagram
import Foundation
import Markdown
import Pipeline
import VPCModel

@main
struct VPCGraph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vpcgraph",
        abstract: "Draw and document AWS networks: VPCs, subnets, routes, gateways and VPC endpoints.",
        subcommands: [Render.self, Check.self, Templates.self, Import.self, Collect.self])
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render topology files to DOT, SVG, PNG and Markdown.",
        discussion: "Writes DIR/<input base name>.<format> for each input. Nothing is written if any input has an error.\n\n"
            + "Views: 'full' (default) draws everything in one diagram or, past \(DiagramPlan.maxVPCs) VPCs or \(DiagramPlan.maxSubnets) subnets, "
            + "an overview (<name>.svg) and one diagram per VPC (<name>.<vpc id>.svg), linked to each other; 'overview' writes "
            + "<name>.overview.svg, 'vpc' one <name>.<vpc id>.svg per VPC, 'dns' <name>.dns.svg.")

    @Argument(help: "Topology files (YAML or JSON), or with --from aws, folders of AWS CLI outputs.")
    var inputs: [String]

    @Option(help: "What the inputs are: 'topology' files, or 'aws' snapshot folders (see 'vpcgraph collect').")
    var from: InputSource = .topology

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

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Flag(name: .customLong("legend"), inversion: .prefixedNo, help: "Draw a legend of the kinds shown.")
    var legend = true

    @Option(help: ArgumentHelp("Make resources in the SVG links: docs (to their section of <name>.md) or console (to their AWS console page).",
                               valueName: "target"))
    var link: LinkChoice?

    @Flag(help: "Same as --link docs.")
    var linkDocs = false

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
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

    func run() throws {
        var files: [OutputFile] = []
        var notes: [String] = []
        var collector = DiagnosticCollector()
        // nil: the built-in templates, parsed only when Markdown is asked for.
        var templateSet: TemplateSet?
        if let templates {
            do {
                templateSet = try TemplateSet(directory: templates)
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
        for input in inputs {
            let name = Pipeline.baseName(of: input)
            let links: LinkTarget = switch link ?? (linkDocs ? .docs : nil) {
            case .docs: .docs("\(name).md")
            case .console: .console
            case nil: .none
            }
            let options = DiagramOptions(links: links, theme: theme, transparent: transparent, legend: legend)
            let pipeline = Pipeline(formats: try formats(), diagramOptions: options, templates: templateSet, view: view, split: split)
            // --timings (hidden; for `make bench`): one stderr line per stage, e.g. `timing: app-vpc md 0.004512 s`.
            let rendering = pipeline.runAll(path: input, from: from, timing: timings ? { format, duration in
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                FileHandle.standardError.write(Data("timing: \(name) \(format.rawValue) \(String(format: "%.6f", seconds)) s\n".utf8))
            } : nil)
            collector.emit(contentsOf: rendering.diagnostics)
            files += rendering.files
            notes += rendering.notes.map { "\(input): \($0)" }
        }
        DiagnosticPrinter.print(collector.sorted)
        if collector.hasErrors { throw ExitCode(1) }
        do {
            let written = try OutputWriter.write(files, to: output)
            for note in notes { print(note) }
            for path in written { print("wrote \(path)") }
        } catch {
            DiagnosticPrinter.print(OutputWriter.diagnostics(error))
            throw ExitCode(1)
        }
    }
}

/// `--link` values.
enum LinkChoice: String, ExpressibleByArgument, CaseIterable {
    case docs, console
}

extension DiagramView: ExpressibleByArgument {}
extension SplitMode: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check topology files and report problems; write nothing.")

    @Argument(help: "Topology files (YAML or JSON), or with --from aws, folders of AWS CLI outputs.")
    var inputs: [String]

    @Option(help: "What the inputs are: 'topology' files, or 'aws' snapshot folders.")
    var from: InputSource = .topology

    func run() throws {
        var collector = DiagnosticCollector()
        for input in inputs { collector.emit(contentsOf: Pipeline.load(path: input, from: from).diagnostics) }
        DiagnosticPrinter.print(collector.sorted)
        if collector.hasErrors { throw ExitCode(1) }
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the Markdown templates.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
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

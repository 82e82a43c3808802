import ArgumentParser
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
        abstract: "Render topology files to DOT, SVG and Markdown.",
        discussion: "Writes DIR/<input base name>.<format> for each input. Nothing is written if any input has an error.")

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

    @Flag(help: "Link each resource in the SVG to its section of <name>.md.")
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
        var collector = DiagnosticCollector()
        var templateSet = TemplateSet.builtIn
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
            let pipeline = Pipeline(formats: try formats(), diagramOptions: .init(linkDocs: linkDocs ? "\(name).md" : nil), templates: templateSet)
            // --timings (hidden; for `make bench`): one stderr line per stage, e.g. `timing: app-vpc md 0.004512 s`.
            let (produced, diagnostics) = pipeline.run(path: input, from: from, timing: timings ? { format, duration in
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                FileHandle.standardError.write(Data("timing: \(name) \(format.rawValue) \(String(format: "%.6f", seconds)) s\n".utf8))
            } : nil)
            collector.emit(contentsOf: diagnostics)
            files += produced
        }
        DiagnosticPrinter.print(collector.sorted)
        if collector.hasErrors { throw ExitCode(1) }
        do {
            for path in try OutputWriter.write(files, to: output) { print("wrote \(path)") }
        } catch {
            DiagnosticPrinter.print([.error("cannot write output: \(error.localizedDescription)", at: SourceLocation(file: output), rule: "output")])
            throw ExitCode(1)
        }
    }
}

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

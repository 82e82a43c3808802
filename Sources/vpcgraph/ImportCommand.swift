import ArgumentParser
import AWSImport
import FileAccess
import Foundation
import Pipeline
import VPCModel
import VPCReaders

extension InputSource: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a description of an existing network into the topology format.",
        subcommands: [ImportAWS.self, ImportTerraform.self, ImportCloudFormation.self])
}

struct ImportAWS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Write the topology of a folder of AWS CLI outputs (see 'vpcgraph collect') as YAML.",
        discussion: """
            Files are recognised by their content, one folder per region (named after it) or all together. \
            Secrets (VPN device configuration, tunnel pre-shared keys) are never read into the topology. \
            Nothing is written if there is any error; an existing output file is kept unless --force is given.
            """)

    @Argument(help: "The snapshot folder.")
    var snapshot: String

    @Option(name: .shortAndLong, help: "The topology file to write ('-' for standard output).")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        try TopologyExport.write(to: output, force: force) { Pipeline.loadAWSSnapshot(path: snapshot) }
    }
}

/// What every `import` subcommand does around reading its input: refuse an `-o` that names no
/// file or (without --force) an existing one before anything is read, print the diagnostics, and
/// write the topology as YAML — all or nothing, or to standard output for '-'.
enum TopologyExport {
    static func write(to output: String, force: Bool, load: () throws -> (topology: Topology?, diagnostics: [Diagnostic])) throws {
        // The folder and the plain file name the writer takes ("" for the current folder).
        let name = output.split(separator: "/").last.map(String.init) ?? ""
        let folder = output.contains("/") ? String(output[...output.lastIndex(of: "/")!]) : ""
        guard output == "-" || !output.hasSuffix("/"), !name.isEmpty, name != ".", name != ".." else {
            DiagnosticPrinter.print([.error("'\(output)' does not name a file; give the topology file's path, or '-' for standard output", at: SourceLocation(file: output), rule: "output")])
            throw ExitCode(1)
        }
        if output != "-" && FileManager.default.fileExists(atPath: output) && !force {
            DiagnosticPrinter.print([.error("'\(output)' already exists; pass --force to replace it", at: SourceLocation(file: output), rule: "output-exists")])
            throw ExitCode(1)
        }
        let (topology, diagnostics) = try load()
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: diagnostics)
        DiagnosticPrinter.print(collector.sorted)
        guard let topology, !collector.hasErrors else { throw ExitCode(1) }
        let yaml = TopologyWriter.write(topology)
        if output == "-" {
            FileHandle.standardOutput.write(Data(yaml.utf8))
            return
        }
        do {
            // Like any file a program writes, the folder must exist.
            try FileSetWriter().write([(name, Data(yaml.utf8))], into: folder, replacing: force, creatingFolder: false)
        } catch {
            DiagnosticPrinter.print(OutputWriter.diagnostics(error))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }

}

import ArgumentParser
import AWSImport
import Foundation
import Pipeline
import VPCModel
import VPCReaders

extension InputSource: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a description of an existing network into the topology format.",
        subcommands: [ImportAWS.self])
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
        if output != "-" && FileManager.default.fileExists(atPath: output) && !force {
            DiagnosticPrinter.print([.error("'\(output)' already exists; pass --force to replace it", at: SourceLocation(file: output), rule: "output-exists")])
            throw ExitCode(1)
        }
        let (topology, diagnostics) = Pipeline.loadAWSSnapshot(path: snapshot)
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
            try OutputFile.writeAtomically(yaml, to: output)
        } catch {
            DiagnosticPrinter.print([.error("cannot write '\(output)': \(error.localizedDescription)", at: SourceLocation(file: output), rule: "output")])
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }
}

extension OutputFile {
    /// Writes to a temporary file beside `path`, then renames it into place.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

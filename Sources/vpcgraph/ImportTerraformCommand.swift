import ArgumentParser
import FileAccess
import Foundation
import Pipeline
import VPCModel
import VPCReaders

struct ImportTerraform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terraform",
        abstract: "Write the topology of a Terraform state or plan ('terraform show -json', or terraform.tfstate) as YAML.",
        discussion: """
            A state gives AWS's ids; a plan names what apply will create by its address (module.net.aws_subnet.private["a"]) \
            and leaves out what only apply will know. Values marked sensitive and VPN pre-shared keys are never read. \
            Nothing is written if there is any error; an existing output file is kept unless --force is given.
            """)

    @Argument(help: "The JSON of 'terraform show -json' (state or plan), or a terraform.tfstate file.")
    var file: String

    @Option(name: .shortAndLong, help: "The topology file to write ('-' for standard output).")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
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
        let (topology, diagnostics) = Pipeline.loadTerraform(path: file)
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
            try FileSetWriter().write([(name, Data(yaml.utf8))], into: folder, replacing: force, creatingFolder: false)
        } catch {
            DiagnosticPrinter.print(OutputWriter.diagnostics(error))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }
}

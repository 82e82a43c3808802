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
        try TopologyExport.write(to: output, force: force) { Pipeline.loadTerraform(path: file) }
    }
}

import ArgumentParser
import CloudFormationImport
import FileAccess
import Foundation
import Pipeline
import VPCModel
import VPCReaders

/// `--parameter Key=Value` and `--region`, for `--from cloudformation`.
struct CloudFormationArguments: ParsableArguments {
    @Option(name: .customLong("parameter"), help: ArgumentHelp("With --from cloudformation: a template parameter's value instead of its default (repeatable).",
                                                               valueName: "key=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("With --from cloudformation: the region the template is deployed to (default: the region of its subnets' zones, else us-east-1).",
                               valueName: "region"))
    var region: String?

    func options(for source: InputSource) throws -> CloudFormationOptions {
        if source != .cloudformation && (!parameters.isEmpty || region != nil) {
            throw ValidationError("--parameter and --region go with --from cloudformation")
        }
        var options = CloudFormationOptions(region: region)
        for text in parameters {
            guard let pair = CloudFormationOptions.parameter(text) else {
                throw ValidationError("--parameter '\(text)' is not KEY=VALUE")
            }
            options.parameters.append(pair)
        }
        return options
    }

    /// For the manifest's option line: empty unless given, so other renders' manifests do not change.
    var optionWords: [String] {
        parameters.map { "parameter=\($0)" } + (region.map { ["region=\($0)"] } ?? [])
    }
}

struct ImportCloudFormation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudformation",
        abstract: "Write the topology of a CloudFormation template (YAML or JSON) as YAML.",
        discussion: """
            Logical ids become ids behind AWS's prefix for the kind (Vpc → vpc-Vpc); parameters take their defaults \
            unless --parameter gives a value. Nothing is written if there is any error; an existing output file is kept \
            unless --force is given.
            """)

    @Argument(help: "The template.")
    var template: String

    @Option(name: .shortAndLong, help: "The topology file to write ('-' for standard output).")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var cloudFormation: CloudFormationArguments

    func run() throws {
        try TopologyExport.write(to: output, force: force) { Pipeline.loadCloudFormation(path: template, options: try cloudFormation.options(for: .cloudformation)) }
    }
}

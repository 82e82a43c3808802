import AWSImport
import TerraformImport
import CloudFormationImport
import VPCModel

/// What an input path holds: a topology file, or a folder of AWS CLI outputs (a snapshot).
public enum InputSource: String, CaseIterable, Sendable {
    case topology
    case aws
    /// `terraform show -json` of a state or a plan, or a terraform.tfstate file.
    case terraform
    case cloudformation
}

extension Pipeline {
    /// Reads and checks one input of either kind; see `load(path:)`.
    public static func load(path: String, from source: InputSource,
                            cloudFormation: CloudFormationOptions = CloudFormationOptions()) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        switch source {
        case .topology:
            return load(path: path)
        case .aws:
            return loadAWSSnapshot(path: path)
        case .terraform:
            return loadTerraform(path: path)
        case .cloudformation:
            return loadCloudFormation(path: path, options: cloudFormation)
        }
    }

    /// Imports a snapshot folder and checks the topology like a parsed one. Nil after import errors.
    public static func loadAWSSnapshot(path: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let result = importAWSSnapshot(at: path)
        var diagnostics = result.diagnostics
        if result.hasErrors { return (nil, diagnostics) }
        diagnostics += result.topology.validate()
        if result.topology.regions.allSatisfy({ $0.vpcs.isEmpty }) && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error("the snapshot has no vpcs; nothing to draw", at: SourceLocation(file: path), rule: "empty-topology"))
        }
        return (result.topology, diagnostics)
    }

    /// Imports a Terraform state or plan and checks the topology like a parsed one. Nil after import errors.
    public static func loadTerraform(path: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let result = importTerraform(at: path)
        var diagnostics = result.diagnostics
        if result.hasErrors { return (nil, diagnostics) }
        diagnostics += result.topology.validate()
        if result.topology.regions.allSatisfy({ $0.vpcs.isEmpty }) && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error("the Terraform document has no vpcs; nothing to draw", at: SourceLocation(file: path), rule: "empty-topology"))
        }
        return (result.topology, diagnostics)
    }

    /// Load, check and render one input of either kind.
    public func run(path: String, from source: InputSource,
                    timing: ((OutputFormat, Duration) -> Void)? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let rendering = runAll(path: path, from: source, timing: timing)
        return (rendering.files, rendering.diagnostics)
    }
}

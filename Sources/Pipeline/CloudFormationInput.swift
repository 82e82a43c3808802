import CloudFormationImport
import VPCModel

extension Pipeline {
    /// Imports a CloudFormation template and checks the topology like a parsed one. Nil after import errors.
    public static func loadCloudFormation(path: String, options: CloudFormationOptions = CloudFormationOptions()) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let (topology, imported) = CloudFormationImporter.importTemplate(at: path, options: options)
        guard let topology else { return (nil, imported) }
        var diagnostics = imported
        // Ids are logical ids behind AWS's prefixes (`subnet-PrivateA`): not AWS's hex form, on purpose.
        diagnostics += topology.validate().filter { $0.rule != "id-format" }
        if topology.regions.allSatisfy({ $0.vpcs.isEmpty }) && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error("the template has no AWS::EC2::VPC; nothing to draw", at: SourceLocation(file: path), rule: "empty-topology"))
        }
        return (topology, diagnostics)
    }
}

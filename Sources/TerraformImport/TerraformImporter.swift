import AWSImport
import FileAccess
import Foundation
import VPCModel

/// What reading a Terraform document gives: the topology and every diagnostic, located at
/// `file:line:col` of the JSON and naming the resource address.
public struct TerraformImportResult: Sendable {
    public var topology: Topology
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Attributes never read, whatever the document marks sensitive: the VPN tunnels' pre-shared keys and
/// the device configuration that holds them (older states do not mark them).
public let terraformSecretKeys: Set<String> = [
    "tunnel1_preshared_key", "tunnel2_preshared_key", "customer_gateway_configuration",
]

/// Reads `terraform show -json` of a state or a plan, or a raw `terraform.tfstate` (version 4).
public func importTerraform(at path: String) -> TerraformImportResult {
    let data: Data
    do {
        data = try InputFile.read(path)
    } catch {
        let rule = if case .tooLarge = error { InputFileError.tooLargeRule } else { "input-file" }
        return TerraformImportResult(topology: Topology(), diagnostics: [.error(error.message(path: path), at: SourceLocation(file: path), rule: rule)])
    }
    return importTerraform(bytes: Array(data), file: path)
}

/// Like `importTerraform(at:)`, from bytes already read; `file` names them in diagnostics.
public func importTerraform(bytes: [UInt8], file: String) -> TerraformImportResult {
    var parser = JSONParser(bytes, redactedKeys: terraformSecretKeys)
    let value: JSONValue
    do {
        value = try parser.parse()
    } catch {
        return TerraformImportResult(topology: Topology(), diagnostics: [
            .error("invalid JSON: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column), rule: "tf-json"),
        ])
    }
    let source = JSONSource(file: file, lines: LineTable(bytes))
    let root = TFNode(value: value, positions: JSONPositions.scan(bytes, redactedKeys: terraformSecretKeys), source: source)
    var diagnostics: [Diagnostic] = []
    guard let document = TFDocument.read(root, diagnostics: &diagnostics) else {
        return TerraformImportResult(topology: Topology(), diagnostics: diagnostics)
    }
    var assembler = TerraformAssembler(document: document)
    var topology = assembler.assemble()
    topology.origin = Origin(root.location)
    if document.kind == .plan { topology.missingValueText = TerraformAssembler.knownAfterApply }
    diagnostics += assembler.diagnostics
    return TerraformImportResult(topology: topology, diagnostics: diagnostics)
}

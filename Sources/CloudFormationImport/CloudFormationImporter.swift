import FileAccess
import Foundation
import VPCModel
import VPCReaders
import Yams

/// What the command line adds to a template: parameter values and the region.
public struct CloudFormationOptions: Sendable, Equatable {
    /// `--parameter Key=Value`, in the order given.
    public var parameters: [(key: String, value: String)]
    /// `--region`; nil: the region of the subnets' zones, else us-east-1.
    public var region: String?

    public init(parameters: [(key: String, value: String)] = [], region: String? = nil) {
        self.parameters = parameters
        self.region = region
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.region == b.region && a.parameters.map(\.key) == b.parameters.map(\.key) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    /// Reads `Key=Value`; nil when there is no `=` or no key.
    public static func parameter(_ text: String) -> (key: String, value: String)? {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return nil }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }
}

/// Reads a CloudFormation template (YAML with the short `!` tags, or JSON) into a topology.
/// Logical ids become ids, prefixed with AWS's prefix for the kind (`Vpc` → `vpc-Vpc`).
public enum CloudFormationImporter {
    /// Reads the template at `path` (size-bounded, UTF-8). The topology is nil after errors.
    public static func importTemplate(at path: String, options: CloudFormationOptions = CloudFormationOptions()) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let data: Data
        do {
            data = try InputFile.read(path)
        } catch {
            let rule = if case .tooLarge = error { InputFileError.tooLargeRule } else { "input-file" }
            return (nil, [.error(error.message(path: path), at: SourceLocation(file: path), rule: rule)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error("'\(path)' is not UTF-8 text", at: SourceLocation(file: path), rule: "input-file")])
        }
        return importTemplate(text: text, file: path, options: options)
    }

    public static func importTemplate(text: String, file: String, options: CloudFormationOptions = CloudFormationOptions()) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return (nil, [.error("the file is empty; expected a CloudFormation template with 'Resources'", at: SourceLocation(file: file, line: 1, column: 1), rule: "empty-input")])
            }
            root = node
        } catch {
            return (nil, [TopologyParser.syntaxDiagnostic(error, file: file)])
        }
        if TopologyParser.exceeds(root, budget: TopologyParser.maxNodes) {
            return (nil, [.error("the document expands to more than \(TopologyParser.maxNodes) values (through YAML aliases); vpcgraph reads no more",
                                 at: SourceLocation(file: file, line: 1, column: 1), rule: "input-too-large")])
        }
        var assembler = TemplateAssembler(file: file, root: root, options: options)
        let topology = assembler.assemble()
        let diagnostics = assembler.diagnostics
        return (diagnostics.contains { $0.severity == .error } ? nil : topology, diagnostics)
    }
}

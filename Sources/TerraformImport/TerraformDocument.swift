import AWSImport
import Foundation
import VPCModel

/// One resource instance, from a state, a plan or a raw state file, with its values made safe:
/// every value marked sensitive is replaced by `null` before anything reads it.
struct TFResource {
    /// `module.net.aws_subnet.private["a"]`.
    let address: String
    let isData: Bool
    let type: String
    let name: String
    /// The instance key (`count.index` or `each.key`), if any.
    let index: JSONValue?
    /// `module.net`, `module.net["x"]`; empty for the root module.
    let module: String
    /// The key of its provider configuration in a plan's `configuration.provider_config`, or the alias.
    var providerKey: String?
    /// The attributes (`values`, `change.after` or `attributes`), sensitive ones null.
    let values: TFNode
    /// `after_unknown`: which attributes only apply will know (plans only).
    let unknown: JSONValue?
    /// `depends_on` or `dependencies`: addresses the resource was created after.
    let dependsOn: [String]
    /// The resource's object in the file.
    let node: TFNode

    /// `aws_subnet.private` inside its module: the key of its configuration.
    var configAddress: String { Self.strippingKeys(module).map { $0 + "." }.joined() + "\(type).\(name)" }

    /// The module path with instance keys removed (`module.net["x"]` → [`module.net`]), one element per module.
    static func strippingKeys(_ module: String) -> [String] {
        guard !module.isEmpty else { return [] }
        var parts: [String] = []
        var rest = Substring(module)
        while rest.hasPrefix("module.") {
            rest = rest.dropFirst("module.".count)
            let name = rest.prefix { $0 != "." && $0 != "[" }
            parts.append("module.\(name)")
            rest = rest.dropFirst(name.count)
            if rest.hasPrefix("[") {
                // Skip the key, quoted or not.
                var inString = false, escape = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escape { escape = false; continue }
                    if c == "\\" { escape = true; continue }
                    if c == "\"" { inString.toggle(); continue }
                    if c == "]" && !inString { break }
                }
            }
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return parts
    }

    /// True when apply decides `key` (the whole attribute, or any part of it).
    func isUnknown(_ key: String) -> Bool {
        guard let unknown = unknown?[key] else { return false }
        return unknown.containsTrue
    }
}

extension JSONValue {
    var containsTrue: Bool {
        switch self {
        case .bool(let b): b
        case .array(let items): items.contains { $0.containsTrue }
        case .object(let members): members.contains { $0.value.containsTrue }
        default: false
        }
    }

    /// `self` with every part `marks` flags `true` replaced by `null` (the shapes of `sensitive_values`).
    func redacting(_ marks: JSONValue?) -> (value: JSONValue, count: Int) {
        guard let marks else { return (self, 0) }
        if case .bool(true) = marks { return self == .null ? (self, 0) : (.null, 1) }
        switch (self, marks) {
        case (.object(let members), .object):
            var count = 0
            let redacted = members.map { member -> (key: String, value: JSONValue) in
                let (value, n) = member.value.redacting(marks[member.key])
                count += n
                return (member.key, value)
            }
            return (.object(redacted), count)
        case (.array(let items), .array(let itemMarks)):
            var count = 0
            let redacted = items.enumerated().map { i, item -> JSONValue in
                let (value, n) = item.redacting(i < itemMarks.count ? itemMarks[i] : nil)
                count += n
                return value
            }
            return (.array(redacted), count)
        default:
            return (self, 0)
        }
    }
}

/// What kind of document the file is.
enum TFDocumentKind: Equatable {
    case state, plan, rawState

    /// How messages name the document: "the state", "the plan".
    var noun: String { self == .plan ? "the plan" : "the state" }
}

/// The resources of a document and what it says about providers and configuration.
struct TFDocument {
    var kind: TFDocumentKind
    var resources: [TFResource] = []
    /// `configuration.root_module` of a plan.
    var configuration: TFNode?
    /// `configuration.provider_config` of a plan.
    var providerConfig: TFNode?
    /// Values dropped because they were marked sensitive.
    var redactedCount = 0

    /// Reads the resources of `root`, or reports why it cannot.
    static func read(_ root: TFNode, diagnostics: inout [Diagnostic]) -> TFDocument? {
        guard case .object = root.value else {
            diagnostics.append(.error("expected a JSON object from 'terraform show -json' or a terraform.tfstate file", at: root.location, rule: "tf-format"))
            return nil
        }
        if let version = root["version"], root["format_version"] == nil {
            // A raw state file (terraform.tfstate).
            guard case .number("4") = version.value else {
                let shown = if case .number(let n) = version.value { n } else { "?" }
                diagnostics.append(.error("state file version \(shown) is not supported; vpcgraph reads version 4 (Terraform 0.12 and later)", at: version.location, rule: "tf-format-version"))
                return nil
            }
            var document = TFDocument(kind: .rawState)
            document.readRawState(root)
            return document
        }
        guard let version = root["format_version"] else {
            diagnostics.append(.error("no 'format_version': not the output of 'terraform show -json' nor a terraform.tfstate file", at: root.location, rule: "tf-format"))
            return nil
        }
        guard let text = version.string, text.split(separator: ".").first == "1" || text.hasPrefix("0.") else {
            let shown = version.string.map { "'\(IDRules.escaped($0))'" } ?? "that is not a string"
            diagnostics.append(.error("format_version \(shown) is not supported; vpcgraph reads format 1.x of 'terraform show -json'", at: version.location, rule: "tf-format-version"))
            return nil
        }
        if root["planned_values"] != nil || root["resource_changes"] != nil {
            var document = TFDocument(kind: .plan)
            document.readPlan(root)
            return document
        }
        var document = TFDocument(kind: .state)
        if let module = root["values"]?["root_module"] { document.readModule(module, sensitiveKey: "sensitive_values") }
        return document
    }

    /// `values.root_module` and its `child_modules`, recursively.
    private mutating func readModule(_ module: TFNode, sensitiveKey: String) {
        for r in module["resources"]?.elements ?? [] {
            guard let type = r.string("type"), let name = r.string("name") else { continue }
            let (values, count) = (r["values"]?.value ?? .object([])).redacting(r[sensitiveKey]?.value)
            redactedCount += count
            let valuesNode = r["values"].map { TFNode(value: values, positions: $0.positions, source: $0.source) } ?? TFNode(synthetic: .object([]), at: r)
            let address = r.string("address") ?? "\(type).\(name)"
            resources.append(TFResource(address: address, isData: r.string("mode") == "data", type: type, name: name, index: r["index"]?.value,
                                        module: Self.module(of: address, type: type, name: name), providerKey: nil, values: valuesNode,
                                        unknown: nil, dependsOn: r.strings("depends_on"), node: r))
        }
        for child in module["child_modules"]?.elements ?? [] { readModule(child, sensitiveKey: sensitiveKey) }
    }

    /// `resource_changes` (what each resource will be after apply), `configuration` for references.
    private mutating func readPlan(_ root: TFNode) {
        configuration = root["configuration"]?["root_module"]
        providerConfig = root["configuration"]?["provider_config"]
        for r in root["resource_changes"]?.elements ?? [] {
            guard let type = r.string("type"), let name = r.string("name"), let change = r["change"] else { continue }
            let actions = change.strings("actions")
            if actions == ["delete"] || actions == ["forget"] { continue }
            let after = change["after"]
            let (values, count) = (after?.value ?? .object([])).redacting(change["after_sensitive"]?.value)
            redactedCount += count
            let valuesNode = after.map { TFNode(value: values, positions: $0.positions, source: $0.source) } ?? TFNode(synthetic: .object([]), at: r)
            let address = r.string("address") ?? "\(type).\(name)"
            resources.append(TFResource(address: address, isData: r.string("mode") == "data", type: type, name: name, index: r["index"]?.value,
                                        module: r.string("module_address") ?? "", providerKey: nil, values: valuesNode,
                                        unknown: change["after_unknown"]?.value, dependsOn: [], node: r))
        }
        // Provider keys from the configuration.
        var keys: [String: String] = [:]
        func walk(_ module: TFNode?, prefix: String) {
            guard let module else { return }
            for r in module["resources"]?.elements ?? [] {
                if let address = r.string("address"), let key = r.string("provider_config_key") { keys[prefix + address] = key }
            }
            for (name, call) in module["module_calls"]?.members ?? [] { walk(call["module"], prefix: prefix + "module.\(name).") }
        }
        walk(configuration, prefix: "")
        for i in resources.indices { resources[i].providerKey = keys[resources[i].configAddress] }
    }

    /// A terraform.tfstate file: `resources[].instances[]`.
    private mutating func readRawState(_ root: TFNode) {
        for r in root["resources"]?.elements ?? [] {
            guard let type = r.string("type"), let name = r.string("name") else { continue }
            let module = r.string("module") ?? ""
            let isData = r.string("mode") == "data"
            // provider["registry.terraform.io/hashicorp/aws"].euc1 → euc1
            let provider = r.string("provider") ?? ""
            let alias = provider.hasSuffix("]") ? nil : provider.split(separator: ".").last.map(String.init)
            for instance in r["instances"]?.elements ?? [] {
                var marks = JSONValue.object([])
                for path in instance["sensitive_attributes"]?.elements ?? [] {
                    // [{"type": "get_attr", "value": "tunnel1_preshared_key"}, …]: the whole top-level attribute goes.
                    let steps = path.elements.isEmpty ? (path["path"]?.elements ?? []) : path.elements
                    if let first = steps.first, first.string("type") == "get_attr", let key = first.string("value"),
                       case .object(var members) = marks {
                        members.append((key, .bool(true)))
                        marks = .object(members)
                    }
                }
                let attributes = instance["attributes"]
                let (values, count) = (attributes?.value ?? .object([])).redacting(marks)
                redactedCount += count
                let valuesNode = attributes.map { TFNode(value: values, positions: $0.positions, source: $0.source) } ?? TFNode(synthetic: .object([]), at: instance)
                let index = instance["index_key"]?.value
                let address = (module.isEmpty ? "" : module + ".") + (isData ? "data." : "") + "\(type).\(name)" + Self.keyText(index)
                resources.append(TFResource(address: address, isData: isData, type: type, name: name, index: index, module: module,
                                            providerKey: alias, values: valuesNode, unknown: nil,
                                            dependsOn: instance.strings("dependencies"), node: instance))
            }
        }
    }

    /// `[0]`, `["a"]`, or nothing.
    static func keyText(_ index: JSONValue?) -> String {
        switch index {
        case .number(let n)?: "[\(n)]"
        case .string(let s)?: "[\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
        default: ""
        }
    }

    /// The module part of an address (`module.net.aws_vpc.this[0]` → `module.net`).
    static func module(of address: String, type: String, name: String) -> String {
        let marker = (address.contains(".data.\(type).\(name)") ? ".data." : ".") + "\(type).\(name)"
        guard address.hasPrefix("module."), let range = address.range(of: marker, options: .backwards) else { return "" }
        return String(address[..<range.lowerBound])
    }
}

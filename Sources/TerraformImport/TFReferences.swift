import AWSImport
import VPCModel

/// Follows a plan's `configuration` expression `references` from an attribute apply will decide to the
/// resources it names: `aws_subnet.private` (all instances, or the one with the referrer's key),
/// `module.vpc.vpc_id` (through the module's output), `var.vpc_id` (through the module call's argument).
/// Locals are not in the configuration: a reference through one is followed no further.
struct TFReferences {
    /// Configuration resources by absolute config address (`module.net.aws_subnet.private`).
    private var expressions: [String: TFNode] = [:]
    /// Module configurations by path (`module.net`; the root is "").
    private var modules: [String: TFNode] = [:]
    /// Module call nodes by path of the called module.
    private var calls: [String: TFNode] = [:]
    /// `for_each_expression` of the resources that have one, by absolute config address.
    private var forEach: [String: TFNode] = [:]
    /// Every resource the configuration declares, by absolute config address (with `count = 0` too).
    private var declared: Set<String> = []

    init(configuration: TFNode?) {
        walk(configuration, path: "")
    }

    private mutating func walk(_ module: TFNode?, path: String) {
        guard let module else { return }
        modules[path] = module
        for r in module["resources"]?.elements ?? [] {
            if let address = r.string("address"), let expressions = r["expressions"] {
                self.expressions[(path.isEmpty ? "" : path + ".") + address] = expressions
            }
            if let address = r.string("address") { declared.insert((path.isEmpty ? "" : path + ".") + address) }
            if let address = r.string("address"), let expression = r["for_each_expression"] {
                forEach[(path.isEmpty ? "" : path + ".") + address] = expression
            }
        }
        for (name, call) in module["module_calls"]?.members ?? [] {
            let child = (path.isEmpty ? "" : path + ".") + "module.\(name)"
            calls[child] = call
            walk(call["module"], path: child)
        }
    }

    /// A referenced resource: its config address and, if the reference names one, its instance key.
    struct Target: Equatable {
        var configAddress: String
        var key: JSONValue?
        /// The module instance the reference names (`module.net["test"]`), when it names one.
        var moduleInstance: String?
    }

    /// The references of `attribute` of the resource at `configAddress` (nested: `route`, then a field name).
    func references(of configAddress: String, attribute: String) -> [String] {
        expressions[configAddress]?[attribute].map(Self.allReferences) ?? []
    }

    /// The references of the resource's `for_each` expression: what `each.value` is taken from.
    func forEachReferences(of configAddress: String) -> [String] {
        forEach[configAddress].map(Self.allReferences) ?? []
    }

    /// True when the configuration declares the resource: a reference to one without instances is to
    /// a `count`/`for_each` that made none (the module's optional parts), not to something missing.
    func declares(_ configAddress: String) -> Bool { declared.contains(configAddress) }

    /// True when the configuration writes `attribute` (a plan without a configuration: assumed).
    func isWritten(_ configAddress: String, attribute: String) -> Bool {
        guard !expressions.isEmpty else { return true }
        return expressions[configAddress]?[attribute] != nil
    }

    /// All `references` under an expression (blocks are lists of expression objects).
    static func allReferences(_ node: TFNode) -> [String] {
        var out = node.strings("references")
        for (key, member) in node.members where key != "references" {
            if case .object = member.value { out += allReferences(member) }
            for element in member.elements { out += allReferences(element) }
        }
        for element in node.elements { out += allReferences(element) }
        return out
    }

    /// The resources `references` (written in the module at `modulePath`) name, following module
    /// outputs and variables; at most `depth` hops.
    func targets(_ references: [String], in modulePath: String, depth: Int = 8) -> [Target] {
        guard depth > 0 else { return [] }
        var out: [Target] = []
        func add(_ t: Target) {
            if out.contains(t) { return }
            if let i = out.firstIndex(where: { $0.configAddress == t.configAddress && $0.key == nil && $0.moduleInstance == t.moduleInstance }) {
                if t.key != nil { out[i] = t }
            } else if t.key == nil, out.contains(where: { $0.configAddress == t.configAddress }) {
                return
            } else {
                out.append(t)
            }
        }
        let prefix = modulePath.isEmpty ? "" : modulePath + "."
        for reference in references {
            let parts = Self.split(reference)
            guard let first = parts.first else { continue }
            if first.name.hasPrefix("aws_"), parts.count >= 2 {
                add(Target(configAddress: prefix + "\(first.name).\(parts[1].name)", key: parts[1].key))
            } else if first.name == "module", parts.count >= 3 {
                let child = prefix + "module.\(parts[1].name)"
                let output = parts[2].name
                if let expression = modules[child]?["outputs"]?[output]?["expression"] {
                    for var t in targets(Self.allReferences(expression), in: child, depth: depth - 1) {
                        if let key = parts[1].key, t.moduleInstance == nil { t.moduleInstance = prefix + "module.\(parts[1].name)" + TFDocument.keyText(key) }
                        add(t)
                    }
                }
            } else if first.name == "var", parts.count >= 2, !modulePath.isEmpty, let call = calls[modulePath] {
                let parent = modulePath.split(separator: ".").dropLast(2).joined(separator: ".")
                if let expression = call["expressions"]?[parts[1].name] {
                    for t in targets(Self.allReferences(expression), in: parent, depth: depth - 1) { add(t) }
                }
            }
        }
        return out
    }

    /// `module.net.aws_subnet.private["a"].id` → [(module), (net), (aws_subnet), (private, "a"), (id)].
    static func split(_ reference: String) -> [(name: String, key: JSONValue?)] {
        var parts: [(name: String, key: JSONValue?)] = []
        var rest = Substring(reference)
        while !rest.isEmpty {
            let name = rest.prefix { $0 != "." && $0 != "[" }
            rest = rest.dropFirst(name.count)
            var key: JSONValue?
            if rest.hasPrefix("[") {
                rest = rest.dropFirst()
                if rest.hasPrefix("\"") {
                    rest = rest.dropFirst()
                    var text = ""
                    while let c = rest.first, c != "\"" {
                        rest = rest.dropFirst()
                        if c == "\\", let next = rest.first { text.append(next); rest = rest.dropFirst() } else { text.append(c) }
                    }
                    rest = rest.dropFirst()
                    key = .string(text)
                } else {
                    let digits = rest.prefix { $0 != "]" }
                    rest = rest.dropFirst(digits.count)
                    key = digits.allSatisfy(\.isNumber) && !digits.isEmpty ? .number(String(digits)) : nil
                }
                if rest.hasPrefix("]") { rest = rest.dropFirst() }
            }
            parts.append((String(name), key))
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return parts
    }
}

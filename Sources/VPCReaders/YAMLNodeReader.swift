import Yams
import VPCModel

/// Collects the diagnostics of one input file.
final class ParseContext {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Keys renamed to get past a duplicate (`TopologyParser.composeReportingDuplicates`): [line, column] → the key.
    var renamedKeys: [[Int]: String] = [:]
    /// `ignore:` entries of every resource read so far.
    var ignores: [IgnoredRule] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func error(_ message: String, at node: Node, rule: String) {
        diagnostics.append(.error(message, at: location(node), rule: rule))
    }

    func warning(_ message: String, at node: Node, rule: String) {
        diagnostics.append(.warning(message, at: location(node), rule: rule))
    }
}

/// What a node is, for "expected X, found Y" messages.
func kindName(_ node: Node) -> String {
    switch node {
    case .scalar(let s): s.string.isEmpty || s.string == "~" || s.string == "null" ? "nothing" : "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}

/// A scalar in quotes, else what the node is: for "found X" messages.
func describeNode(_ node: Node) -> String {
    if case .scalar(let s) = node, !isNull(node) { return "'\(s.string)'" }
    return kindName(node)
}

/// Reads one YAML mapping that describes an object (`what`, e.g. "subnet"), remembering the
/// location of every key, and reporting wrong types, missing and unknown keys.
struct MappingReader {
    let context: ParseContext
    let node: Node
    let what: String
    let allowedKeys: [String]
    private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []
    /// Keys an unknown key's did-you-mean named: missing, they are not reported a second time.
    private(set) var suggested: Set<String> = []

    /// Nil (after a diagnostic) when `node` is not a mapping.
    init?(_ node: Node, what: String, keys allowedKeys: [String], context: ParseContext) {
        self.context = context
        self.node = node
        self.what = what
        self.allowedKeys = allowedKeys
        guard case .mapping(let mapping) = node else {
            context.error("expected a mapping for \(what), found \(kindName(node))", at: node, rule: "type-mismatch")
            return nil
        }
        for (key, value) in mapping {
            entries.append((key.string ?? "", key, value))
        }
        // Every resource (a mapping with an `id`) may accept advice for itself (IgnoreReader.swift).
        let acceptsIgnore = allowedKeys.contains("id")
        for entry in entries where !allowedKeys.contains(entry.key) && !(acceptsIgnore && entry.key == "ignore") {
            var message = "unknown key '\(entry.key)' in \(what)"
            if let suggestion = awsSpelling(of: entry.key, in: allowedKeys) ?? closestMatch(to: entry.key, in: allowedKeys) {
                message += "; did you mean '\(suggestion)'?"
                suggested.insert(suggestion)
            }
            context.error(message, at: entry.keyNode, rule: "unknown-key")
        }
        if acceptsIgnore { readIgnores() }
    }

    func value(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    /// The location of a key as written, for field-level diagnostics later.
    func keyLocation(_ key: String) -> SourceLocation? {
        entries.first { $0.key == key }.map { context.location($0.keyNode) }
    }

    func valueLocation(_ key: String) -> SourceLocation? {
        value(key).map(context.location)
    }

    var origin: Origin {
        var fields: [String: SourceLocation] = [:]
        for entry in entries { fields[entry.key] = context.location(entry.value) }
        return Origin(context.location(node), fields: fields)
    }

    func has(_ key: String) -> Bool { value(key).map { !isNull($0) } ?? false }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key), !isNull(node) else {
            if required { missing(key) }
            return nil
        }
        return scalarString(node, key: key)
    }

    func scalarString(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            context.error("expected a string for '\(key)' in \(what), found \(kindName(node))", at: node, rule: "type-mismatch")
            return nil
        }
        return scalar.string
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key), !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node, let value = plainBool(scalar) else {
            context.error("expected true or false for '\(key)' in \(what), found \(describeNode(node))", at: node, rule: "type-mismatch")
            return nil
        }
        return value
    }

    func int(_ key: String) -> Int? {
        guard let node = value(key), !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            context.error("expected a whole number for '\(key)' in \(what), found \(describeNode(node))", at: node, rule: "type-mismatch")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    func choice(_ key: String, _ allowed: [String]) -> String? {
        guard let text = string(key) else { return nil }
        guard allowed.contains(text) else {
            let options = allowed.map { "'\($0)'" }.joined(separator: ", ")
            context.error("'\(key)' of \(what) must be one of \(options), found '\(text)'", at: value(key)!, rule: "invalid-value")
            return nil
        }
        return text
    }

    /// A list; a single scalar counts as a list of one (`cidr: 10.0.0.0/16`).
    func list(_ key: String, allowScalar: Bool = true) -> [Node] {
        guard let node = value(key), !isNull(node) else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar where allowScalar: return [node]
        default:
            context.error("expected a list for '\(key)' in \(what), found \(kindName(node))", at: node, rule: "type-mismatch")
            return []
        }
    }

    func strings(_ key: String) -> [String] {
        list(key).compactMap { scalarString($0, key: key) }
    }

    func cidrs(_ key: String, required: Bool = false) -> [CIDR] {
        if required && !has(key) { missing(key); return [] }
        return list(key).compactMap { node in scalarString(node, key: key).flatMap { parseCIDR($0, at: node, context: context) } }
    }

    func ip(_ key: String) -> IPAddress? {
        guard let node = value(key), let text = string(key) else { return nil }
        return parseIP(text, at: node, context: context)
    }

    func missing(_ key: String) {
        if suggested.contains(key) { return }
        context.error("\(what) is missing required key '\(key)'", at: node, rule: "missing-key")
    }
}

/// A YAML 1.1 boolean: a plain (unquoted) scalar spelt as Yams's boolean rule spells it, or one
/// tagged `!!bool`. Read from the text, as `isNull` is, so the parser needs no regular expression
/// per scalar (Yams resolves tags with ICU regexes, and building the boolean one alone costs a
/// twentieth of a one-VPC render).
func plainBool(_ scalar: Node.Scalar) -> Bool? {
    guard scalar.style == .plain || scalar.tag.rawValue == Tag.Name.bool.rawValue else { return nil }
    switch scalar.string {
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
    default: return nil
    }
}

public func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
}

func parseCIDR(_ text: String, at node: Node, context: ParseContext) -> CIDR? {
    switch CIDR.parse(text) {
    case .success(let cidr): return cidr
    case .failure(.malformed):
        context.error("'\(text)' is not a valid CIDR block", at: node, rule: "invalid-cidr")
    case .failure(.hostBitsSet(let network)):
        context.error("'\(text)' has host bits set; did you mean '\(network)'?", at: node, rule: "invalid-cidr")
    }
    return nil
}

func parseIP(_ text: String, at node: Node, context: ParseContext) -> IPAddress? {
    guard let ip = IPAddress(text) else {
        context.error("'\(text)' is not a valid IP address", at: node, rule: "invalid-ip")
        return nil
    }
    return ip
}

/// The key of the topology format for a word AWS uses (CLI output members, CloudFormation and
/// Terraform arguments): `cidr_block`, `CidrBlock` → `cidr`; nil when `allowed` lacks it.
func awsSpelling(of word: String, in allowed: [String]) -> String? {
    let folded = String(word.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    let spellings = ["cidrblock": "cidr", "cidrblocks": "cidr", "ipv4cidrblock": "cidr", "availabilityzone": "az",
                     "availabilityzoneid": "az_id", "routetableid": "route_table", "routetableids": "route_tables",
                     "securitygroupids": "security_groups", "servicename": "service", "vpcendpointtype": "type",
                     "privatednsenabled": "private_dns", "mappubliciponlaunch": "map_public_ip"]
    guard let key = spellings[folded], allowed.contains(key), key != word else { return nil }
    return key
}

/// The allowed word nearest to a misspelt one (edit distance at most 2, or a shared prefix).
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
    return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

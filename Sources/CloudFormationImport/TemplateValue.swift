import VPCModel

/// A value of a template once its intrinsic functions are evaluated: what CloudFormation would pass
/// to the resource, as far as it can be known before the stack is deployed.
struct TemplateValue {
    indirect enum Kind {
        case string(String)
        case list([TemplateValue])
        case map([(key: String, value: TemplateValue)])
        /// `!Ref` of a resource of this template: the resource's id, known after deployment.
        case ref(String)
        /// `!GetAtt resource.attribute`, or a value derived from one (`!Select`, `!Split`, `!Join` of it).
        case attribute(String, String)
        /// `!ImportValue name`: an output of another stack.
        case imported(String)
        /// A value the template does not give (`AWS::AccountId`, a parameter without a value): why.
        case unknown(String)
        /// `AWS::NoValue`: as if the property were not written.
        case noValue
    }

    var kind: Kind
    var location: SourceLocation

    init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    var list: [TemplateValue]? {
        if case .list(let l) = kind { return l }
        return nil
    }

    var isNoValue: Bool {
        if case .noValue = kind { return true }
        return false
    }

    /// A property of a mapping value; nil when absent or `AWS::NoValue`.
    subscript(key: String) -> TemplateValue? {
        guard case .map(let entries) = kind, let value = entries.first(where: { $0.key == key })?.value, !value.isNoValue else { return nil }
        return value
    }

    var entries: [(key: String, value: TemplateValue)] {
        if case .map(let e) = kind { return e.filter { !$0.value.isNoValue } }
        return []
    }

    /// A scalar as CloudFormation reads a boolean (`true`, `"True"`, `false`…); nil otherwise.
    var bool: Bool? {
        switch string?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    var int: Int? { string.flatMap { Int($0) } }

    /// The first value inside (or this one) that the template does not give: a reference, an
    /// attribute, an import or an unknown.
    var firstUnknown: TemplateValue? {
        switch kind {
        case .string, .noValue: nil
        case .list(let items): items.lazy.compactMap(\.firstUnknown).first
        case .map(let entries): entries.lazy.compactMap(\.value.firstUnknown).first
        case .ref, .attribute, .imported, .unknown: self
        }
    }

    /// The value shown in messages: a literal, or what it stands for.
    var summary: String {
        switch kind {
        case .string(let s): "'\(IDRules.escaped(s))'"
        case .list: "a list"
        case .map: "a mapping"
        case .ref(let id): "!Ref '\(id)'"
        case .attribute(let id, let name): "!GetAtt '\(id).\(name)'"
        case .imported(let name): "!ImportValue '\(IDRules.escaped(name))'"
        case .unknown(let why): why
        case .noValue: "AWS::NoValue"
        }
    }

    /// The value as JSON (for endpoint policies), keys in the order written; unknown values as strings
    /// naming them. Nil past `limit` characters.
    func json(limit: Int) -> String? {
        var out = ""
        func write(_ v: TemplateValue) -> Bool {
            switch v.kind {
            case .string(let s): out += JSONString.quote(s)
            case .list(let items):
                out += "["
                for (i, item) in items.enumerated() where !item.isNoValue {
                    if i > 0 { out += "," }
                    if !write(item) { return false }
                }
                out += "]"
            case .map(let entries):
                out += "{"
                for (i, entry) in entries.filter({ !$0.value.isNoValue }).enumerated() {
                    if i > 0 { out += "," }
                    out += JSONString.quote(entry.key) + ":"
                    if !write(entry.value) { return false }
                }
                out += "}"
            case .noValue: out += "null"
            default: out += JSONString.quote("${\(v.summary)}")
            }
            return out.utf8.count <= limit
        }
        return write(self) ? out : nil
    }
}

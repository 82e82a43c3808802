import VPCModel

/// How `vpcgraph check --format` prints diagnostics: `text` for people (on stderr, as every
/// command prints them), `json` for tools, `sarif` (SARIF 2.1.0, for code-scanning upload) and
/// `github` (workflow-command annotations) on stdout. Byte-stable: no timestamps, no versions.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github

    /// The diagnostics (already sorted) in this format; `text` is the lines `DiagnosticPrinter` prints.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: diagnostics.map { $0.description + "\n" }.joined()
        case .json: Self.json(diagnostics)
        case .sarif: Self.sarif(diagnostics)
        case .github: Self.github(diagnostics)
        }
    }

    // MARK: - JSON

    static func json(_ diagnostics: [Diagnostic]) -> String {
        func object(_ d: Diagnostic, indent: String) -> String {
            var fields: [(String, String)] = []
            if let location = d.location {
                fields.append(("file", JSONString.quote(location.file)))
                if let line = location.line { fields.append(("line", "\(line)")) }
                if let column = location.column { fields.append(("column", "\(column)")) }
                if let path = location.path { fields.append(("path", JSONString.quote(path))) }
            }
            fields.append(("severity", JSONString.quote(d.severity.rawValue)))
            if let rule = d.rule { fields.append(("rule", JSONString.quote(rule))) }
            fields.append(("message", JSONString.quote(d.message)))
            if !d.notes.isEmpty {
                fields.append(("notes", "[\n" + d.notes.map { indent + "    " + object($0, indent: indent + "    ") }.joined(separator: ",\n") + "\n" + indent + "  ]"))
            }
            return "{\n" + fields.map { "\(indent)  \(JSONString.quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.filter { $0.severity == .warning }.count
        let items = diagnostics.map { "    " + object($0, indent: "    ") }.joined(separator: ",\n")
        return "{\n  \"diagnostics\": [\(items.isEmpty ? "" : "\n" + items + "\n  ")],\n  \"errors\": \(errors),\n  \"warnings\": \(warnings)\n}\n"
    }

    // MARK: - SARIF 2.1.0

    /// A SARIF level: error, warning or note.
    static func level(_ severity: Diagnostic.Severity) -> String { severity.rawValue }

    /// A file path as a SARIF `uri`: relative paths stay relative (to the working folder, which
    /// code scanning takes as the repository root), absolute ones become `file://` URIs; bytes other
    /// than unreserved characters and `/` are percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func sarif(_ diagnostics: [Diagnostic]) -> String {
        let ruleIDs = Array(Set(diagnostics.compactMap(\.rule))).sorted()
        let index = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        func q(_ s: String) -> String { JSONString.quote(s) }
        let rules = ruleIDs.map { id -> String in
            let rule = RuleCatalogue.rule(id)
            var fields = ["\"id\": \(q(id))"]
            if let rule {
                fields.append("\"shortDescription\": {\"text\": \(q(rule.summary))}")
                fields.append("\"fullDescription\": {\"text\": \(q(rule.summary + ": " + rule.reason))}")
                fields.append("\"help\": {\"text\": \(q("Why: " + rule.reason + ". Fix: " + rule.fix + "."))}")
                fields.append("\"defaultConfiguration\": {\"level\": \(q(level(rule.severity)))}")
                fields.append("\"properties\": {\"tags\": [\(q(rule.owner.rawValue))]}")
            }
            return "            {" + fields.joined(separator: ", ") + "}"
        }
        func location(_ l: SourceLocation, message: String? = nil) -> String {
            var physical = "\"artifactLocation\": {\"uri\": \(q(uri(l.file)))}"
            if let line = l.line {
                physical += ", \"region\": {\"startLine\": \(line)" + (l.column.map { ", \"startColumn\": \($0)" } ?? "") + "}"
            }
            var text = "{\"physicalLocation\": {\(physical)}"
            if let path = l.path { text += ", \"logicalLocations\": [{\"fullyQualifiedName\": \(q(path)), \"kind\": \"element\"}]" }
            if let message { text += ", \"message\": {\"text\": \(q(message))}" }
            return text + "}"
        }
        let results = diagnostics.map { d -> String in
            var fields: [String] = []
            if let rule = d.rule { fields.append("\"ruleId\": \(q(rule))"); fields.append("\"ruleIndex\": \(index[rule]!)") }
            fields.append("\"level\": \(q(level(d.severity)))")
            fields.append("\"message\": {\"text\": \(q(d.message))}")
            if let l = d.location { fields.append("\"locations\": [\(location(l))]") }
            let related = d.notes.compactMap { note in note.location.map { location($0, message: note.message) } }
            if !related.isEmpty {
                fields.append("\"relatedLocations\": [" + related.enumerated().map { i, text in "{\"id\": \(i + 1), " + text.dropFirst() }.joined(separator: ", ") + "]")
            }
            return "        {" + fields.joined(separator: ", ") + "}"
        }
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "vpcgraph",
                      "informationUri": "https://github.com/vpcgraph/vpcgraph",
                      "rules": [\(rules.isEmpty ? "" : "\n" + rules.joined(separator: ",\n") + "\n          ")]
                    }
                  },
                  "columnKind": "unicodeCodePoints",
                  "results": [\(results.isEmpty ? "" : "\n" + results.joined(separator: ",\n") + "\n      ")]
                }
              ]
            }

            """
    }

    // MARK: - GitHub workflow commands

    /// `::warning file=F,line=L,col=C,title=RULE::message`, escaped as the runner reads them.
    static func github(_ diagnostics: [Diagnostic]) -> String {
        func data(_ s: String) -> String {
            s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
        }
        func property(_ s: String) -> String { data(s).replacingAll(":", "%3A").replacingAll(",", "%2C") }
        return diagnostics.map { d in
            let command = d.severity == .note ? "notice" : d.severity.rawValue
            var properties: [String] = []
            if let l = d.location {
                properties.append("file=\(property(l.file))")
                if let line = l.line { properties.append("line=\(line)") }
                if let column = l.column { properties.append("col=\(column)") }
            }
            if let rule = d.rule { properties.append("title=\(property(rule))") }
            var message = d.message
            if let path = d.location?.path { message = "\(path): " + message }
            for note in d.notes { message += "\n" + note.headline }
            return "::\(command)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + data(message) + "\n"
        }.joined()
    }
}

extension String {
    /// Every `target` scalar replaced (by scalar: a "\r\n" pair is two scalars, one character).
    func replacingAll(_ target: Unicode.Scalar, _ replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars { if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) } }
        return out
    }
}

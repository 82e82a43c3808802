/// A small YAML emitter for the topology format: block mappings and lists, with short objects
/// written on one line in flow style (`{id: subnet-0a…, az: eu-west-1a}`). Strings are plain where
/// YAML reads them back unchanged, otherwise double-quoted with JSON escapes (valid YAML too).
indirect enum YAMLValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case null
    case list([YAMLValue])
    case map([(key: String, value: YAMLValue)])
}

enum YAMLEmitter {
    /// Flow-style lines longer than this are written as blocks.
    static let flowWidth = 140

    static func document(_ root: [(key: String, value: YAMLValue)]) -> String {
        var out = ""
        writeMap(root, indent: 0, into: &out)
        return out
    }

    static func writeMap(_ entries: [(key: String, value: YAMLValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries {
            let k = scalar(key)
            switch value {
            case .list(let items) where items.isEmpty:
                out += "\(pad)\(k): []\n"
            case .map(let m) where m.isEmpty:
                out += "\(pad)\(k): {}\n"
            case .list, .map:
                if isShallow(value), let flow = flow(value), pad.count + k.count + 2 + flow.count <= flowWidth {
                    out += "\(pad)\(k): \(flow)\n"
                } else if case .map(let m) = value {
                    out += "\(pad)\(k):\n"
                    writeMap(m, indent: indent + 2, into: &out)
                } else if case .list(let items) = value {
                    out += "\(pad)\(k):\n"
                    writeList(items, indent: indent + 2, into: &out)
                }
            default:
                out += "\(pad)\(k): \(flow(value)!)\n"
            }
        }
    }

    static func writeList(_ items: [YAMLValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let m) where !m.isEmpty:
                if isShallow(item), let flow = flow(item), pad.count + 2 + flow.count <= flowWidth {
                    out += "\(pad)- \(flow)\n"
                } else {
                    // First entry on the dash line, the rest aligned under it.
                    var block = ""
                    writeMap(m, indent: indent + 2, into: &block)
                    out += "\(pad)- " + block.dropFirst(indent + 2)
                }
            case .list(let l) where !l.isEmpty:
                if isShallow(item), let flow = flow(item) { out += "\(pad)- \(flow)\n" } else { out += "\(pad)-\n"; writeList(l, indent: indent + 2, into: &out) }
            default:
                out += "\(pad)- \(flow(item)!)\n"
            }
        }
    }

    /// Objects holding only scalars and lists of scalars go on one line.
    static func isShallow(_ value: YAMLValue) -> Bool {
        switch value {
        case .map(let m): m.allSatisfy { if case .map = $0.value { false } else if case .list(let l) = $0.value { l.allSatisfy(isScalar) } else { true } }
        case .list(let l): l.allSatisfy(isScalar)
        default: true
        }
    }

    static func isScalar(_ value: YAMLValue) -> Bool {
        switch value {
        case .string, .bool, .int, .null: true
        default: false
        }
    }

    static func flow(_ value: YAMLValue) -> String? {
        switch value {
        case .string(let s): scalar(s)
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .null: "null"
        case .list(let items):
            "[" + items.map { flow($0) ?? "" }.joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.map { "\(scalar($0.key)): \(flow($0.value) ?? "")" }.joined(separator: ", ") + "}"
        }
    }

    /// Words YAML would read as something other than this string.
    static let reserved: Set<String> = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"]

    /// A string as a plain scalar when that is safe everywhere (block and flow), else double-quoted.
    static func scalar(_ s: String) -> String {
        if isPlainSafe(s) { return s }
        var out = "\""
        for unit in s.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where unit.value < 0x20 || unit.value == 0x7F || (0x80...0x9F).contains(unit.value) || unit == "\u{2028}" || unit == "\u{2029}" || unit == "\u{FEFF}":
                let hex = String(unit.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(unit)
            }
        }
        return out + "\""
    }

    static func isPlainSafe(_ s: String) -> Bool {
        guard !reserved.contains(s), let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        let isWordStart = ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first) || first == "_" || first == "/"
            || (!first.isASCII && first.properties.isAlphabetic)
        guard isWordStart, last != " " else { return false }
        // Numbers other than plain digits (0x1f, 1e3, .5, 0o7) would not come back as the same text through every YAML reader.
        if s.first!.isNumber && s.contains(where: { $0 == "e" || $0 == "E" || $0 == "x" || $0 == "o" }) && Double(s) != nil { return false }
        for c in s.unicodeScalars {
            if c.isASCII {
                // The common case, without Unicode property look-ups.
                let v = c.value
                let word = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                if !(word || "-_./@+=() ".unicodeScalars.contains(c)) { return false }
                continue
            }
            let ok = c.properties.isAlphabetic || c.properties.numericType != nil || "-_./@+=()".unicodeScalars.contains(c) || c == " "
            if !ok { return false }
        }
        return !s.contains(" #") && !s.contains("  ")
    }
}

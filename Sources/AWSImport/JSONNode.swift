import VPCModel

/// A JSON value with the file and JSON path it was read from (`$.Subnets[3].VpcId`), so every
/// fact taken from it can say where it came from.
struct JSONNode {
    let value: JSONValue
    let file: String
    let path: String

    init(root: JSONValue, file: String) {
        self.value = root
        self.file = file
        self.path = "$"
    }

    private init(value: JSONValue, file: String, path: String) {
        self.value = value
        self.file = file
        self.path = path
    }

    var location: SourceLocation { SourceLocation(file: file, path: path) }

    /// The location of a member, present or not.
    func location(of key: String) -> SourceLocation { SourceLocation(file: file, path: "\(path).\(key)") }

    /// The member `key`, unless it is absent or `null`.
    subscript(key: String) -> JSONNode? {
        guard let child = value[key], child != .null else { return nil }
        return JSONNode(value: child, file: file, path: "\(path).\(key)")
    }

    /// The elements of an array (none for anything else).
    var elements: [JSONNode] {
        guard case .array(let items) = value else { return [] }
        return items.enumerated().map { JSONNode(value: $1, file: file, path: "\(path)[\($0)]") }
    }

    var isArray: Bool { if case .array = value { true } else { false } }

    var string: String? { if case .string(let s) = value { s } else { nil } }

    /// A string member, with surrounding whitespace removed; nil when absent, empty or not a string.
    func string(_ key: String) -> String? {
        guard let s = self[key]?.string?.trimmingSpaces, !s.isEmpty else { return nil }
        return s
    }

    /// A boolean member; the AWS CLI always prints booleans as JSON booleans, but `"true"` is accepted too.
    func bool(_ key: String) -> Bool? {
        switch self[key]?.value {
        case .bool(let b)?: b
        case .string(let s)?: s.lowercased() == "true" ? true : s.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    /// An integer member (a JSON number or a numeric string, as some outputs print ASNs).
    func int(_ key: String) -> Int? {
        switch self[key]?.value {
        case .number(let n)?: Int(n) ?? Double(n).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
        case .string(let s)?: Int(s)
        default: nil
        }
    }

    /// The strings of an array member, skipping anything that is not a non-empty string.
    func strings(_ key: String) -> [String] {
        (self[key]?.elements ?? []).compactMap { $0.string?.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A state or status, lower-cased: AWS prints `available`, `Available` and `AVAILABLE` in different APIs.
    func state(_ key: String) -> String? { string(key)?.lowercased() }

    /// The value of the `Name` tag (`Tags`, or `TagSet` for network interfaces), if not empty.
    var nameTag: String? {
        for key in ["Tags", "TagSet"] {
            for tag in self[key]?.elements ?? [] where tag.string("Key") == "Name" {
                return tag.string("Value")
            }
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

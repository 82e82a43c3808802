import AWSImport
import VPCModel

/// Where each value of a JSON document starts, in the same shape as the `JSONValue` that `JSONParser`
/// read from it (members in file order, the redacted ones left out the same way).
indirect enum JSONPositions {
    case leaf(Int)
    case array(Int, [JSONPositions])
    case object(Int, [JSONPositions])

    var offset: Int {
        switch self {
        case .leaf(let o), .array(let o, _), .object(let o, _): o
        }
    }

    /// Scans a document `JSONParser` accepted (so without error handling), leaving out the members
    /// whose key is in `redactedKeys`, as the parser does.
    static func scan(_ bytes: [UInt8], redactedKeys: Set<String>) -> JSONPositions {
        var scanner = Scanner(bytes: bytes, redactedKeys: redactedKeys)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        return scanner.value()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let redactedKeys: Set<String>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSONPositions {
            skipSpace()
            let start = index
            guard index < bytes.count else { return .leaf(start) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [JSONPositions] = []
                while true {
                    skipSpace()
                    if index >= bytes.count || bytes[index] == UInt8(ascii: "}") { index += 1; break }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    let key = string()
                    skipSpace()
                    index += 1 // ':'
                    let member = value()
                    if !redactedKeys.contains(key) { members.append(member) }
                }
                return .object(start, members)
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONPositions] = []
                while true {
                    skipSpace()
                    if index >= bytes.count || bytes[index] == UInt8(ascii: "]") { index += 1; break }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    items.append(value())
                }
                return .array(start, items)
            case UInt8(ascii: "\""):
                _ = string()
                return .leaf(start)
            default:
                while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return .leaf(start)
            }
        }

        /// A string's text; only exact for keys without escapes (enough to match the redacted keys).
        mutating func string() -> String {
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { index += 1; escaped = true }
                index += 1
            }
            let text = escaped ? "" : String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
            index += 1
            return text
        }
    }
}

/// Turns byte offsets into 1-based lines and columns (columns count bytes, like the parser's errors).
struct LineTable {
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}

/// The parsed file: its name as diagnostics show it, and its line table.
final class JSONSource: Sendable {
    let file: String
    let lines: LineTable

    init(file: String, lines: LineTable) {
        self.file = file
        self.lines = lines
    }

    func location(_ offset: Int) -> SourceLocation {
        let (line, column) = lines.position(of: offset)
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// A JSON value with where it starts in its file, so every fact taken from it can say where it came from.
struct TFNode {
    let value: JSONValue
    let positions: JSONPositions?
    let source: JSONSource

    init(value: JSONValue, positions: JSONPositions?, source: JSONSource) {
        self.value = value
        self.positions = positions
        self.source = source
    }

    /// A value made up by the importer (no place in the file): located at `anchor`'s place.
    init(synthetic value: JSONValue, at anchor: TFNode) {
        self.value = value
        self.positions = anchor.positions.map { .leaf($0.offset) }
        self.source = anchor.source
    }

    var location: SourceLocation { positions.map { source.location($0.offset) } ?? SourceLocation(file: source.file) }

    /// The member `key`, unless it is absent or `null`.
    subscript(key: String) -> TFNode? {
        guard case .object(let members) = value, let i = members.firstIndex(where: { $0.key == key }), members[i].value != .null else { return nil }
        var childPositions: JSONPositions?
        if case .object(_, let ps)? = positions, i < ps.count { childPositions = ps[i] }
        return TFNode(value: members[i].value, positions: childPositions ?? positions.map { .leaf($0.offset) }, source: source)
    }

    /// The members of an object, in file order.
    var members: [(key: String, node: TFNode)] {
        guard case .object(let members) = value else { return [] }
        let ps: [JSONPositions] = if case .object(_, let ps)? = positions { ps } else { [] }
        return members.enumerated().map { i, m in
            (m.key, TFNode(value: m.value, positions: i < ps.count ? ps[i] : positions.map { .leaf($0.offset) }, source: source))
        }
    }

    /// The elements of an array (none for anything else).
    var elements: [TFNode] {
        guard case .array(let items) = value else { return [] }
        let ps: [JSONPositions] = if case .array(_, let ps)? = positions { ps } else { [] }
        return items.enumerated().map { i, item in
            TFNode(value: item, positions: i < ps.count ? ps[i] : positions.map { .leaf($0.offset) }, source: source)
        }
    }

    var string: String? { if case .string(let s) = value { s } else { nil } }

    /// A non-empty string member.
    func string(_ key: String) -> String? {
        guard let s = self[key]?.string, !s.isEmpty else { return nil }
        return s
    }

    func bool(_ key: String) -> Bool? { if case .bool(let b)? = self[key]?.value { b } else { nil } }

    func int(_ key: String) -> Int? {
        switch self[key]?.value {
        case .number(let n)?: Int(n)
        case .string(let s)?: Int(s)
        default: nil
        }
    }

    /// The non-empty strings of an array member.
    func strings(_ key: String) -> [String] { (self[key]?.elements ?? []).compactMap(\.string).filter { !$0.isEmpty } }
}

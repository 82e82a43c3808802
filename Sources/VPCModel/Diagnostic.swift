/// Where something came from in the user's input: a line and column in a YAML/JSON file,
/// or a JSON path inside an AWS CLI output file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// A JSON path such as `$.Subnets[3].VpcId`, for inputs read without line numbers.
    public var path: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:col` or `file: $.path`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let path { text += ": \(path)" }
        return text
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        return (a.path ?? "") < (b.path ?? "")
    }
}

/// A problem found in the user's input, as a value. Printed as
/// `path:line:col: error: message [rule-id]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var rule: String?
    /// Further notes, each pointing at another location involved (e.g. the first definition of a duplicate).
    public var notes: [Diagnostic]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule: String? = nil, notes: [Diagnostic] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?, rule: String, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation?, rule: String, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule, notes: notes)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// The first line, without notes.
    public var headline: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let rule { text += " [\(rule)]" }
        return text
    }

    /// The headline followed by one line per note.
    public var description: String {
        ([headline] + notes.map(\.headline)).joined(separator: "\n")
    }
}

/// Collects diagnostics from every stage; prints them once, sorted by location.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func emit(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by file, line, column (diagnostics without a location last), then severity and message,
    /// with exact duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            switch (a.location, b.location) {
            case let (la?, lb?) where la != lb: return la < lb
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.message != b.message { return a.message < b.message }
            return x.offset < y.offset
        }.map(\.element)
    }
}

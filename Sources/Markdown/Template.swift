/// A Mustache template parsed once into a tree, rendered by `TemplateRenderer`.
///
/// The syntax is the subset of Mustache the templates use, parsed the way swift-mustache (the
/// engine vpcgraph used before) parses it, so exported templates keep rendering byte for byte:
/// text, `{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}…{{/x}}`, `{{^x}}…{{/x}}`, `{{> name}}`, `{{! comment }}`,
/// `{{=<% %>=}}`, `{{% CONTENT_TYPE: … }}` (accepted and ignored: nothing is HTML-escaped), dotted
/// names, `.`, and transforms `t(x)`, `t(u(x))`, `t()` (a position in a list). Standalone lines
/// (a line holding only a section, inverted, closing, partial or comment tag and blank space) are
/// removed; a standalone partial is indented by the blank space before it.
struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses `source`; throws `TemplateParseError` with the byte offset of the problem.
    init(_ source: String) throws(TemplateParseError) {
        var parser = TemplateParser(Array(source.utf8))
        nodes = try parser.parseAll()
    }
}

indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// A partial, with the indentation of a standalone partial tag and the byte offset of the tag.
    case partial(String, indentation: String?, offset: Int)
}

/// A tag's name: where to look it up and the transforms to apply (innermost first).
/// A class, so the renderer copies one reference per tag rather than two arrays.
final class TemplateName: Sendable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// `.`: the current object.
        case current
        /// `t()`: the position in the enclosing list.
        case position
        /// `.x.y`: from the current object only.
        case local
        /// `x.y`: `x` from the innermost object that has it, then `y` inside it.
        case stack
    }

    let kind: Kind
    let parts: [String]
    /// In the order they apply: `code(first(x))` is `[.first, .code]`.
    let transforms: [TemplateTransform]
    /// The name as written, without transforms: `a.b`, `.`.
    let name: String
    /// The byte offset of the tag's opening delimiter in the template's source.
    let offset: Int

    init(_ name: String, transforms written: [TemplateTransform], offset: Int = 0) {
        transforms = written.reversed()
        self.name = name
        self.offset = offset
        parts = name.split(separator: ".").map(String.init)
        if name == "." {
            kind = .current
        } else if name.isEmpty && !written.isEmpty {
            kind = .position
        } else if name.first == "." {
            kind = .local
        } else {
            kind = .stack
        }
    }

    /// As written: `code(first(x))`.
    var description: String {
        transforms.reversed().map { "\($0.rawValue)(" }.joined() + name + String(repeating: ")", count: transforms.count)
    }
}

/// A parse problem at a byte offset of the source.
struct TemplateParseError: Error, Equatable {
    var offset: Int
    var message: String

    /// 1-based line and column (in characters) of the offset in `source`.
    func location(in source: String) -> (line: Int, column: Int) {
        let bytes = Array(source.utf8)
        let end = min(offset, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1)
    }
}

/// Content types a `{{% CONTENT_TYPE: … }}` pragma may name.
private let contentTypes: Set<String> = ["HTML", "TEXT", "VPCGRAPH_MARKDOWN"]

/// A port of swift-mustache's parser state machine over UTF-8 bytes.
struct TemplateParser {
    private let bytes: [UInt8]
    private var pos = 0

    private struct State {
        var sectionName: String?
        var sectionTransforms: [TemplateTransform] = []
        var newLine = true
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
    }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseAll() throws(TemplateParseError) -> [TemplateNode] {
        try parse(State())
    }

    // MARK: - Bytes

    private var atEnd: Bool { pos >= bytes.count }
    private var current: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// The length of the line break (`\n` or `\r\n`) at `index`, or 0.
    private func lineBreak(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == Self.lf { return 1 }
        if bytes[index] == Self.cr && index + 1 < bytes.count && bytes[index + 1] == Self.lf { return 2 }
        return 0
    }

    /// Like Swift's `Character.isNewline` for the one-byte characters.
    private func newlineLength(at index: Int) -> Int {
        let n = lineBreak(at: index)
        if n > 0 { return n }
        guard index < bytes.count else { return 0 }
        return [Self.cr, 0x0B, 0x0C].contains(bytes[index]) ? 1 : 0
    }

    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == lf || b == cr || b == 0x0B || b == 0x0C
    }

    @discardableResult
    private mutating func skipWhitespace() -> Int {
        let from = pos
        while pos < bytes.count && Self.isWhitespace(bytes[pos]) { pos += 1 }
        return pos - from
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func matches(_ s: [UInt8], at index: Int) -> Bool {
        guard index + s.count <= bytes.count else { return false }
        for k in 0..<s.count where bytes[index + k] != s[k] { return false }
        return true
    }

    private mutating func read(_ s: [UInt8]) -> Bool {
        guard matches(s, at: pos) else { return false }
        pos += s.count
        return true
    }

    private func error(_ message: String, at offset: Int? = nil) -> TemplateParseError {
        TemplateParseError(offset: offset ?? pos, message: message)
    }

    private static func nameChar(_ b: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"):
            return brackets
        case UInt8(ascii: "/"):
            return slash
        default:
            return false
        }
    }

    // MARK: - Parsing

    private mutating func parse(_ initial: State) throws(TemplateParseError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                let from = pos
                while pos < bytes.count && (bytes[pos] == Self.space || bytes[pos] == Self.tab) { pos += 1 }
                whiteSpaceBefore = string(from..<pos)
            }
            let text = readUntilTagOrNewline(state)
            let newline = newlineLength(at: pos)
            if newline > 0 {
                nodes.append(.text(whiteSpaceBefore + text + string(pos..<pos + newline)))
                state.newLine = true
                pos += newline
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = pos - state.start.count
            var setNewLine = false
            let sigil = current
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                pos += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                var inner = state
                inner.sectionName = name
                inner.sectionTransforms = transforms
                if !setNewLine { inner.newLine = false }
                let body = try parse(inner)
                let tag = TemplateName(name, transforms: transforms, offset: tagStart)
                nodes.append(sigil == UInt8(ascii: "#") ? .section(tag, body) : .inverted(tag, body))

            case UInt8(ascii: "/"):
                pos += 1
                let position = pos
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw error("closing tag does not match the open section", at: position)
                }
                if isStandalone(state) {
                    // the line break is consumed
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes

            case UInt8(ascii: "!"):
                pos += 1
                while !atEnd && !matches(state.end, at: pos) { pos += 1 }
                guard read(state.end) else { throw error("unfinished tag") }
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                pos += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                if sigil == UInt8(ascii: "{") {
                    guard current == UInt8(ascii: "}") else { throw error("unfinished tag") }
                    pos += 1
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms, offset: tagStart)))

            case UInt8(ascii: ">"):
                pos += 1
                skipWhitespace()
                if current == UInt8(ascii: "*") { throw error("dynamic partials are not supported") }
                skipWhitespace()
                let from = pos
                while pos < bytes.count && Self.nameChar(bytes[pos], brackets: true, slash: true) { pos += 1 }
                let name = string(from..<pos)
                skipWhitespace()
                guard read(state.end) else { throw error("unfinished tag") }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore, offset: tagStart))
                } else {
                    nodes.append(.partial(name, indentation: nil, offset: tagStart))
                }
                whiteSpaceBefore = ""

            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error("template inheritance is not supported")

            case UInt8(ascii: "="):
                pos += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                pos += 1
                try readPragma(state)
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                nodes.append(.variable(TemplateName(name, transforms: transforms, offset: tagStart)))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw error("section is never closed") }
        return nodes
    }

    /// Text up to a line break (left unread) or a tag's opening delimiter (read).
    private mutating func readUntilTagOrNewline(_ state: State) -> String {
        let first = state.start[0]
        let from = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Self.lf || (b == Self.cr && lineBreak(at: pos) == 2) { return string(from..<pos) }
            if b == first && matches(state.start, at: pos) {
                let text = string(from..<pos)
                pos += state.start.count
                return text
            }
            pos += 1
        }
        return string(from..<pos)
    }

    /// The line ends after the tag (blank space, then a line break or the end): reads up to the next line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var p = pos
        while p < bytes.count && (bytes[p] == Self.space || bytes[p] == Self.tab) { p += 1 }
        let newline = newlineLength(at: p)
        guard newline > 0 else { return false }
        pos = p + newline
        return true
    }

    /// A tag's name and its transforms (outermost first), through the closing delimiter. A transform
    /// that is not a `TemplateTransform` is an error at the tag.
    private mutating func parseName(_ state: State, tagStart: Int) throws(TemplateParseError) -> (String, [TemplateTransform]) {
        skipWhitespace()
        let from = pos
        while pos < bytes.count && Self.nameChar(bytes[pos], brackets: true) { pos += 1 }
        let text = Array(bytes[from..<pos])
        skipWhitespace()
        guard read(state.end) else { throw error("unfinished tag") }

        var i = 0
        func word() -> String {
            let start = i
            while i < text.count && Self.nameChar(text[i], brackets: false) { i += 1 }
            return String(decoding: text[start..<i], as: UTF8.self)
        }
        let first = word()
        if i == text.count { return (first, []) }
        guard text[i] == UInt8(ascii: "(") else { throw error("unfinished tag") }
        i += 1
        func transform(_ name: String) throws(TemplateParseError) -> TemplateTransform {
            guard let transform = TemplateTransform(rawValue: name) else {
                throw error("unknown transform '\(name)'; transforms are: \(TemplateTransform.names)", at: tagStart)
            }
            return transform
        }
        var transforms = [try transform(first)]
        while true {
            let name = word()
            guard i < text.count else { throw error("unfinished tag") }
            if text[i] == UInt8(ascii: ")") {
                var closing = 0
                while i < text.count && text[i] == UInt8(ascii: ")") { closing += 1; i += 1 }
                guard closing == transforms.count, i == text.count else { throw error("unfinished tag") }
                return (name, transforms)
            }
            guard text[i] == UInt8(ascii: "(") else { throw error("unfinished tag") }
            i += 1
            transforms.append(try transform(name))
        }
    }

    private mutating func setDelimiters(_ state: inout State) throws(TemplateParseError) {
        let malformed = "malformed set-delimiter tag"
        skipWhitespace()
        var from = pos
        while pos < bytes.count && !Self.isWhitespace(bytes[pos]) { pos += 1 }
        guard !atEnd else { throw error(malformed) }
        let start = Array(bytes[from..<pos])
        skipWhitespace()
        from = pos
        while pos < bytes.count && !Self.isWhitespace(bytes[pos]) && bytes[pos] != UInt8(ascii: "=") { pos += 1 }
        guard !atEnd else { throw error(malformed) }
        let end = Array(bytes[from..<pos])
        skipWhitespace()
        guard read([UInt8(ascii: "=")]), read(state.end), !start.isEmpty, !end.isEmpty else { throw error(malformed) }
        state.start = start
        state.end = end
    }

    private mutating func readPragma(_ state: State) throws(TemplateParseError) {
        let malformed = "malformed pragma"
        func word(_ parser: inout TemplateParser) -> String {
            let from = parser.pos
            while parser.pos < parser.bytes.count && Self.nameChar(parser.bytes[parser.pos], brackets: false) { parser.pos += 1 }
            return parser.string(from..<parser.pos)
        }
        skipWhitespace()
        let variable = word(&self)
        skipWhitespace()
        guard read([UInt8(ascii: ":")]) else { throw error(malformed) }
        skipWhitespace()
        let value = word(&self)
        skipWhitespace()
        guard read(state.end), !variable.isEmpty, !value.isEmpty else { throw error(malformed) }
        guard variable == "CONTENT_TYPE", contentTypes.contains(value) else { throw error("unknown pragma") }
    }
}

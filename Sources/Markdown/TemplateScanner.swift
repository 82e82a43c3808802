/// Reads the tags of a Mustache template to report, with their own line and column, mistakes the
/// template engine would report late (an unclosed section at the end of the file) or not at all
/// (an unknown partial renders as nothing).
struct TemplateScanner {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    let source: String

    /// The first problem found, or nil. `partials` are the template names a `{{> name}}` may use.
    func firstProblem(partials: Set<String>) -> Problem? {
        let text = Array(source.unicodeScalars)
        var i = 0, line = 1, column = 1
        var open: [(name: String, line: Int, column: Int)] = []

        func advance() {
            if text[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        /// `{{` or `}}` at `index`.
        func starts(_ pair: Unicode.Scalar, at index: Int) -> Bool {
            index + 1 < text.count && text[index] == pair && text[index + 1] == pair
        }

        while i < text.count {
            guard starts("{", at: i) else { advance(); continue }
            let (tagLine, tagColumn) = (line, column)
            advance(); advance()
            let bodyStart = i
            guard let close = (i..<text.count).first(where: { starts("}", at: $0) }) else {
                return Problem(line: tagLine, column: tagColumn, message: "unfinished tag: no closing '}}'")
            }
            var body = String(String.UnicodeScalarView(text[bodyStart..<close]))
            // Only a comment may span lines; another tag running on is missing its `}}`.
            if !body.hasPrefix("!") && (body.contains("\n") || body.contains("{{")) {
                return Problem(line: tagLine, column: tagColumn, message: "unfinished tag: no closing '}}'")
            }
            while i < close { advance() }
            advance(); advance()
            if body.hasPrefix("{") {
                guard i < text.count, text[i] == "}" else {
                    return Problem(line: tagLine, column: tagColumn, message: "unfinished tag: '{{{' needs '}}}'")
                }
                advance()
                body.removeFirst()
            }
            let sigil = body.first
            let name = body.drop(while: { "#^/&>!%$<={".contains($0) }).trimmingSpaces
            switch sigil {
            case "!", "%":
                continue
            case "=":
                return nil // custom delimiters: leave the rest to the template engine
            case "#", "^":
                open.append((name, tagLine, tagColumn))
            case "/":
                guard let last = open.popLast() else {
                    return Problem(line: tagLine, column: tagColumn, message: "closing tag '\(name)' has no open section")
                }
                if last.name != name {
                    return Problem(line: tagLine, column: tagColumn,
                                   message: "closing tag '\(name)' does not match section '\(last.name)' opened at \(last.line):\(last.column)")
                }
                continue
            case ">":
                if !partials.contains(name) {
                    return Problem(line: tagLine, column: tagColumn, message: "unknown partial '\(name)'")
                }
                continue
            default:
                break
            }
            if name.isEmpty {
                return Problem(line: tagLine, column: tagColumn, message: "empty tag")
            }
            if name.filter({ $0 == "(" }).count != name.filter({ $0 == ")" }).count {
                return Problem(line: tagLine, column: tagColumn, message: "unbalanced parentheses in '\(name)'")
            }
            // Transforms are the parser's to check (`TemplateTransform`), names the schema's (`TemplateCheck`).
        }
        if let last = open.last {
            return Problem(line: last.line, column: last.column, message: "section '\(last.name)' is never closed")
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

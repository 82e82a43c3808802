import VPCModel

/// The transforms a template may apply (`{{code(x)}}`, `{{#empty(list)}}`, `{{^last()}}`): the one
/// list of them. The parser refuses any other name, the load-time check (`TemplateCheck`) asks
/// `result(of:)` what a transform gives for a kind of value, and the renderer calls `apply(to:)`;
/// a test holds the two to each other for every kind.
enum TemplateTransform: String, CaseIterable, Sendable {
    // Input text (`MarkdownText`): the forms it may take on the page.
    case code, anchor, html, url
    // Strings (a text transform's result).
    case capitalized, lowercased, uppercased
    // Lists (and some of them nodes, strings and text).
    case first, last, reversed, count, empty
    // Numbers.
    case equalzero, plusone, minusone, even, odd
    /// Only as `index()`: the position in the enclosing list.
    case index

    /// `t()`: what the transform says about the position of the item a list section is on; nil when
    /// it says nothing about positions.
    var positionResult: TemplateType? {
        switch self {
        case .first, .last, .even, .odd: .bool
        case .index: .int
        default: nil
        }
    }

    /// `t()` in a list section's item.
    func apply(to position: ListPosition) -> TemplateValue {
        switch self {
        case .first: .bool(position.first)
        case .last: .bool(position.last)
        case .index: .int(position.index)
        case .even: .bool(position.index & 1 == 0)
        case .odd: .bool(position.index & 1 == 1)
        default: .none
        }
    }

    /// What the transform gives for a value of `type`; nil when it does not apply to that kind.
    func result(of type: TemplateType) -> TemplateType? {
        switch type {
        case .optional(let wrapped):
            return result(of: wrapped)
        case .text:
            switch self {
            case .code, .anchor, .html, .url: return .string
            case .empty: return .bool
            default: return nil
            }
        case .string:
            switch self {
            case .empty: return .bool
            case .capitalized, .lowercased, .uppercased, .reversed: return .string
            default: return nil
            }
        case .int:
            switch self {
            case .equalzero, .even, .odd: return .bool
            case .plusone, .minusone: return .int
            default: return nil
            }
        case .list(let element):
            switch self {
            case .first, .last: return element
            case .reversed: return type
            case .count: return .int
            case .empty: return .bool
            default: return nil
            }
        case .node:
            switch self {
            case .count: return .int
            case .empty: return .bool
            default: return nil
            }
        case .fragment, .bool:
            return nil
        }
    }

    /// The transform applied to a value; `.none` when it does not apply to that kind (which the
    /// load-time check refuses, so a render never meets it for the view model it declares).
    func apply(to value: TemplateValue) -> TemplateValue {
        switch value {
        case .text(let raw):
            switch self {
            case .code: return .string(MarkdownEscaping.code(raw))
            case .anchor: return .string(DocumentAnchor.id(for: raw))
            case .html: return .string(MarkdownEscaping.html(raw))
            case .url: return .string(MarkdownEscaping.url(raw))
            case .empty: return .bool(raw.isEmpty)
            default: return .none
            }
        case .string(let s):
            switch self {
            case .empty: return .bool(s.isEmpty)
            case .capitalized: return .string(s.capitalized)
            case .lowercased: return .string(s.lowercased())
            case .uppercased: return .string(s.uppercased())
            case .reversed: return .string(String(s.reversed()))
            default: return .none
            }
        case .int(let n):
            switch self {
            case .equalzero: return .bool(n == 0)
            case .plusone: return .int(n + 1)
            case .minusone: return .int(n - 1)
            case .even: return .bool(n & 1 == 0)
            case .odd: return .bool(n & 1 == 1)
            default: return .none
            }
        case .list(let items):
            switch self {
            case .first: return items.first ?? .none
            case .last: return items.last ?? .none
            case .reversed: return .list(items.reversed())
            case .count: return .int(items.count)
            case .empty: return .bool(items.isEmpty)
            default: return .none
            }
        case .node(let node):
            switch self {
            case .count: return .int(node.count)
            case .empty: return .bool(node.isEmpty)
            default: return .none
            }
        case .fragment, .bool, .none:
            return .none
        }
    }

    /// The kinds of value the transform applies to, in words: "text, a string or a list".
    var appliesTo: String {
        let kinds: [(TemplateType, String)] = [
            (.text, "input text"), (.string, "a string"), (.int, "a number"), (.list(.text), "a list"), (.node(NodeSchema([])), "a node"),
        ]
        var words = kinds.filter { result(of: $0.0) != nil }.map(\.1)
        if positionResult != nil { words.append("a list item's position (\(rawValue)())") }
        guard words.count > 1 else { return words.first ?? "nothing" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// "code, anchor, …": every transform, for messages.
    static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

import Foundation
import VPCModel

/// A value of the view model as templates see it.
enum TemplateValue: Sendable {
    /// Input text (`MarkdownText`): escaped as Markdown text when printed; has the text transforms.
    case text(String)
    /// Markdown made safe by the builder (`MarkdownFragment`): printed as it is.
    case fragment(String)
    /// The result of a text transform (`code(x)`): printed as it is; has the string transforms.
    case string(String)
    case bool(Bool)
    case int(Int)
    case node(Node)
    case list([TemplateValue])
    /// An explicit absence (`NoValue`), or nothing found.
    case none
}

extension TemplateValue {
    /// The field `key` when this is a node (looked up in place, without copying the node).
    func field(_ key: String) -> TemplateValue? {
        switch self {
        case .node(let node): node[value: key]
        default: nil
        }
    }
}

/// What the view model's builders may store in a node.
protocol ViewValue {
    var viewValue: TemplateValue { get }
}

extension TemplateValue: ViewValue {
    var viewValue: TemplateValue { self }
}

extension Bool: ViewValue {
    var viewValue: TemplateValue { .bool(self) }
}

extension Int: ViewValue {
    var viewValue: TemplateValue { .int(self) }
}

extension Array: ViewValue where Element: ViewValue {
    var viewValue: TemplateValue { .list(map { $0.viewValue }) }
}

/// Where a list section's item is: what `first()`, `last()`, `index()`, `even()` and `odd()` see.
struct ListPosition {
    var first: Bool
    var last: Bool
    var index: Int
}

/// Renders parsed templates against a view model: a walk of the tree with dictionary lookups up
/// a stack of the enclosing values. Nothing is escaped here: the view model's values know how
/// they print (`MarkdownText` escapes itself).
struct TemplateRenderer {
    let templates: [String: Template]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    init(templates: [String: Template]) { self.templates = templates }

    /// The template named `name` rendered with `root`.
    static func render(_ name: String, root: Node, templates: [String: Template]) -> String {
        String(decoding: renderBytes(name, root: root, templates: templates), as: UTF8.self)
    }

    /// The template named `name` rendered with `root`, as UTF-8.
    static func renderBytes(_ name: String, root: Node, templates: [String: Template]) -> [UInt8] {
        var renderer = TemplateRenderer(templates: templates)
        renderer.output.reserveCapacity(1 << 20)
        renderer.stack.reserveCapacity(32)
        renderer.stack.append(.node(root))
        if let template = templates[name] { renderer.render(template.nodes, position: nil, indentation: "") }
        return renderer.output
    }

    private mutating func emit(_ piece: String, _ indentation: String) {
        if piece.isEmpty { return }
        if !indentation.isEmpty && output.last == UInt8(ascii: "\n") { output.append(contentsOf: indentation.utf8) }
        output.append(contentsOf: piece.utf8)
    }

    private mutating func render(_ nodes: [TemplateNode], position: ListPosition?, indentation: String) {
        for node in nodes {
            switch node {
            case .text(let text):
                emit(text, indentation)
            case .variable(let name):
                switch lookup(name, position: position) {
                case .text(let raw): emit(MarkdownEscaping.text(raw), indentation)
                case .fragment(let s), .string(let s): emit(s, indentation)
                case .bool(let b): emit(b ? "true" : "false", indentation)
                case .int(let n): emit(String(n), indentation)
                case .node, .list, .none: break
                }
            case .section(let name, let body):
                let value = lookup(name, position: position)
                switch value {
                case .list(let items):
                    for (index, item) in items.enumerated() {
                        stack.append(item)
                        render(body, position: ListPosition(first: index == 0, last: index == items.count - 1, index: index), indentation: indentation)
                        stack.removeLast()
                    }
                case .bool(let b):
                    if b { render(body, position: position, indentation: indentation) }
                case .none:
                    break
                default:
                    stack.append(value)
                    render(body, position: nil, indentation: indentation)
                    stack.removeLast()
                }
            case .inverted(let name, let body):
                let value = lookup(name, position: position)
                switch value {
                case .list(let items):
                    if items.isEmpty {
                        stack.append(value)
                        render(body, position: nil, indentation: indentation)
                        stack.removeLast()
                    }
                case .bool(let b):
                    if !b { render(body, position: position, indentation: indentation) }
                case .none:
                    render(body, position: position, indentation: indentation)
                default:
                    break
                }
            case .partial(let name, let indent, _):
                guard let template = templates[name] else { continue }
                render(template.nodes, position: nil, indentation: indent.map { indentation + $0 } ?? indentation)
            }
        }
    }

    /// The value a name stands for, transforms applied; `.none` when there is none.
    private func lookup(_ name: TemplateName, position: ListPosition?) -> TemplateValue {
        var value: TemplateValue
        var transforms = name.transforms[...]
        switch name.kind {
        case .current:
            value = stack[stack.count - 1]
        case .position:
            guard let position, let first = transforms.popFirst() else { return .none }
            value = first.apply(to: position)
        case .local:
            value = stack[stack.count - 1]
            for part in name.parts {
                guard let child = value.field(part) else { return .none }
                value = child
            }
        case .stack:
            let parts = name.parts
            guard let head = parts.first else { return .none }
            let found: TemplateValue? = stack.withUnsafeBufferPointer { stack in
                var i = stack.count - 1
                while i >= 0 {
                    if let child = stack[i].field(head) { return child }
                    i -= 1
                }
                return nil
            }
            guard var child = found else { return .none }
            for part in parts.dropFirst() {
                guard let next = child.field(part) else { return .none }
                child = next
            }
            value = child
        }
        for transform in transforms {
            if case .none = value { return .none }
            value = transform.apply(to: value)
        }
        return value
    }
}

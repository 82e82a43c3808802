/// Checks parsed templates against the view model's schema, once, when a `TemplateSet` loads: every
/// name a tag uses must be one the view model can hold there, every transform must apply to the
/// kind of value it gets, and partials must not include themselves. The walk follows Mustache's
/// context stack as `TemplateRenderer` does: a name is found in the innermost enclosing section
/// whose value has it, or at the top level; `a.b` finds `a` so and `b` inside it; `.a` looks only
/// in the innermost section; `first()` and the other positions exist only in a list's items.
struct TemplateCheck {
    struct Problem: Equatable {
        /// The template the tag is in.
        var template: String
        /// The byte offset of the tag in that template's source.
        var offset: Int
        var message: String
        var rule: String
    }

    /// One level of the context stack: what a section pushed, and the section's name (nil at the top).
    private struct Frame {
        var type: TemplateType
        var section: TemplateName?
    }

    private let templates: [String: Template]
    private(set) var problems: [Problem] = []
    private var reported: Set<String> = []

    /// The problems of `start` (and the partials it includes) rendered with a root of `root`.
    /// `unparsed`: templates that exist but did not parse (their errors are reported already).
    static func problems(of start: String, in templates: [String: Template], unparsed: Set<String> = [], root: NodeSchema) -> [Problem] {
        var check = TemplateCheck(templates: templates, unparsed: unparsed)
        check.walk(template: start, stack: [Frame(type: .node(root), section: nil)], position: false, chain: [start])
        return check.problems
    }

    private let unparsed: Set<String>

    private init(templates: [String: Template], unparsed: Set<String>) {
        self.templates = templates
        self.unparsed = unparsed
    }

    private mutating func report(_ template: String, _ offset: Int, _ message: String, rule: String) {
        // A partial checked in several contexts reports a problem once.
        guard reported.insert("\(template)\u{0}\(offset)\u{0}\(message)").inserted else { return }
        problems.append(Problem(template: template, offset: offset, message: message, rule: rule))
    }

    private mutating func walk(template name: String, stack: [Frame], position: Bool, chain: [String]) {
        guard let template = templates[name] else { return }
        walk(template.nodes, in: name, stack: stack, position: position, chain: chain)
    }

    private mutating func walk(_ nodes: [TemplateNode], in template: String, stack: [Frame], position: Bool, chain: [String]) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let name):
                guard let type = resolve(name, in: template, stack: stack, position: position) else { continue }
                switch type.unwrapped {
                case .list:
                    report(template, name.offset, "'\(name)' is a list and prints nothing; use it as a section: {{#\(name)}}…{{/\(name)}}", rule: "template-type")
                case .node:
                    report(template, name.offset, "'\(name)' is a node and prints nothing; print one of its names, or use it as a section", rule: "template-type")
                default:
                    continue
                }
            case .section(let name, let body):
                guard let type = resolve(name, in: template, stack: stack, position: position) else { continue }
                switch type.unwrapped {
                case .list(let element):
                    walk(body, in: template, stack: stack + [Frame(type: element, section: name)], position: true, chain: chain)
                case .bool:
                    walk(body, in: template, stack: stack, position: position, chain: chain)
                case let other:
                    walk(body, in: template, stack: stack + [Frame(type: other, section: name)], position: false, chain: chain)
                }
            case .inverted(let name, let body):
                guard let type = resolve(name, in: template, stack: stack, position: position) else { continue }
                if case .list = type.unwrapped {
                    walk(body, in: template, stack: stack, position: false, chain: chain)
                } else {
                    walk(body, in: template, stack: stack, position: position, chain: chain)
                }
            case .partial(let partial, _, let offset):
                if unparsed.contains(partial) { continue }
                guard templates[partial] != nil else {
                    report(template, offset, "unknown partial '\(partial)'", rule: "template-syntax")
                    continue
                }
                if chain.contains(partial) {
                    let cycle = (chain.drop { $0 != partial } + [partial]).joined(separator: " → ")
                    report(template, offset, "partial '\(partial)' includes itself (\(cycle))", rule: "template-syntax")
                    continue
                }
                walk(template: partial, stack: stack, position: false, chain: chain + [partial])
            }
        }
    }

    /// The kind of value a tag's name stands for, transforms applied; nil after reporting why there is none.
    private mutating func resolve(_ name: TemplateName, in template: String, stack: [Frame], position: Bool) -> TemplateType? {
        var type: TemplateType
        var transforms = name.transforms[...]
        switch name.kind {
        case .current:
            type = stack[stack.count - 1].type
        case .position:
            let first = transforms.removeFirst()
            guard let result = first.positionResult else {
                report(template, name.offset, "transform '\(first.rawValue)' needs a value: '\(name)' is not a list item's position", rule: "template-type")
                return nil
            }
            guard position else {
                report(template, name.offset, "'\(name)' is only known in the items of a list section", rule: "template-type")
                return nil
            }
            type = result
        case .local:
            type = stack[stack.count - 1].type
            guard let found = walkParts(name.parts[...], from: type, written: Self.here(stack), name: name, in: template) else { return nil }
            type = found
        case .stack:
            guard let head = name.parts.first else { return nil }
            guard let frame = stack.last(where: { $0.type.schema?[head] != nil }), let found = frame.type.schema?[head] else {
                let candidates = stack.reversed().flatMap { $0.type.schema?.fields.map(\.name) ?? [] }
                report(template, name.offset, "unknown name '\(head)' \(Self.here(stack))\(Self.suggestion(for: head, among: candidates))", rule: "template-name")
                return nil
            }
            guard let rest = walkParts(name.parts.dropFirst(), from: found, written: "in '\(head)'", name: name, in: template) else { return nil }
            type = rest
        }
        for transform in transforms {
            guard let result = transform.result(of: type) else {
                report(template, name.offset, "transform '\(transform.rawValue)' applies to \(transform.appliesTo), not to \(type.words) ('\(name)')", rule: "template-type")
                return nil
            }
            type = result
        }
        return type
    }

    /// "in section 'vpcs'": where a tag is, for messages.
    private static func here(_ stack: [Frame]) -> String {
        stack.last(where: { $0.section != nil })?.section.map { "in section '\($0)'" } ?? "at the top level"
    }

    /// `b.c` inside a value of `type`; `place` says where that value is ("in 'a'").
    private mutating func walkParts(_ parts: ArraySlice<String>, from type: TemplateType, written place: String, name: TemplateName, in template: String) -> TemplateType? {
        var type = type, place = place
        var path = name.kind == .local ? "" : name.parts[0]
        for part in parts {
            guard let schema = type.schema else {
                report(template, name.offset, "unknown name '\(part)' \(place), which is \(type.words) and has no names", rule: "template-name")
                return nil
            }
            guard let next = schema[part] else {
                report(template, name.offset, "unknown name '\(part)' \(place)\(Self.suggestion(for: part, among: schema.fields.map(\.name)))", rule: "template-name")
                return nil
            }
            type = next
            path += "." + part
            place = "in '\(path)'"
        }
        return type
    }

    /// "; did you mean 'title'?" for the closest candidate, when one is close enough.
    static func suggestion(for name: String, among candidates: [String]) -> String {
        let limit = max(1, min(3, name.count / 4))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(name.lowercased(), candidate.lowercased())
            if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? ""
    }

    /// Edit distance with adjacent transpositions counted as one edit (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

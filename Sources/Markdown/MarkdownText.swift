import Mustache
import VPCModel

/// A value from the input as templates see it. `{{x}}` prints it escaped as Markdown text;
/// transforms give the other forms: `{{code(x)}}` a code span, `{{anchor(x)}}` the anchor of an id,
/// `{{html(x)}}` HTML-escaped text, `{{url(x)}}` a percent-encoded link destination.
/// There is deliberately no raw form: nothing from the input reaches the page unescaped.
struct MarkdownText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let raw: String

    init(_ raw: String) { self.raw = raw }
    init?(_ raw: String?) {
        guard let raw else { return nil }
        self.raw = raw
    }

    var renderText: String { MarkdownEscaping.text(raw) }
    var isNull: Bool { false }
    var description: String { renderText }

    func transform(_ name: String) -> Any? {
        switch name {
        case "code": MarkdownEscaping.code(raw)
        case "anchor": DocumentAnchor.id(for: raw)
        case "html": MarkdownEscaping.html(raw)
        case "url": MarkdownEscaping.url(raw)
        case "empty": raw.isEmpty
        default: nil
        }
    }

    /// Transform names templates may apply to a value (checked when templates are loaded).
    static let transforms: Set<String> = ["code", "anchor", "html", "url", "empty"]
}

/// Markdown already made safe by the renderer (a link to a resource's section, a list of code spans).
/// Printed as it is.
struct MarkdownFragment: MustacheCustomRenderable, CustomStringConvertible {
    let markdown: String

    init(_ markdown: String) { self.markdown = markdown }

    var renderText: String { markdown }
    var isNull: Bool { false }
    var description: String { markdown }
}

/// The content type every template is parsed with: values are escaped when the view model is
/// built (`MarkdownText`), so the template engine must not escape them again for HTML.
struct MarkdownContentType: MustacheContentType {
    static let name = "VPCGRAPH_MARKDOWN"

    func escapeText(_ text: String) -> String { text }
}

import VPCModel

/// A value from the input as templates see it. `{{x}}` prints it escaped as Markdown text;
/// transforms give the other forms: `{{code(x)}}` a code span, `{{anchor(x)}}` the anchor of an id,
/// `{{html(x)}}` HTML-escaped text, `{{url(x)}}` a percent-encoded link destination (`TemplateTransform`).
/// There is deliberately no raw form: nothing from the input reaches the page unescaped.
struct MarkdownText: ViewValue, CustomStringConvertible {
    let raw: String

    init(_ raw: String) { self.raw = raw }
    init?(_ raw: String?) {
        guard let raw else { return nil }
        self.raw = raw
    }

    var renderText: String { MarkdownEscaping.text(raw) }
    var description: String { renderText }
    var viewValue: TemplateValue { .text(raw) }
}

/// Markdown already made safe by the renderer (a link to a resource's section, a list of code spans).
/// Printed as it is.
struct MarkdownFragment: ViewValue, CustomStringConvertible {
    let markdown: String

    init(_ markdown: String) { self.markdown = markdown }

    var renderText: String { markdown }
    var description: String { markdown }
    var viewValue: TemplateValue { .fragment(markdown) }
}

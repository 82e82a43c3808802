import Mustache
import VPCModel

/// Renders a topology's documentation as Markdown.
///
/// - Parameters:
///   - documentName: the base name of the output files: the diagram is embedded as `documentName.svg`
///     and used as the title when the topology has none.
///   - templates: the built-in templates, or a user's copy (`TemplateSet(directory:)`).
/// - Returns: the document, ending in one newline. The same input gives the same bytes.
public func renderMarkdown(_ topology: Topology, documentName: String, templates: TemplateSet = .builtIn) -> String {
    var builder = DocumentBuilder(topology: topology, documentName: documentName, prices: templates.prices)
    let model = builder.build()
    let text = templates.library.render(model, withTemplate: TemplateSet.documentTemplate) ?? ""
    return tidyBlankLines(text)
}

/// Runs of blank lines (left where optional parts of the templates printed nothing) become one
/// blank line, outside `<pre>` blocks; the text ends with exactly one newline.
func tidyBlankLines(_ text: String) -> String {
    var out: [Substring] = []
    var inPre = false, blank = true
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
        if !inPre && isBlank {
            if !blank { out.append("") }
            blank = true
            continue
        }
        out.append(line)
        blank = false
        if line.contains("<pre") { inPre = true }
        if line.contains("</pre>") { inPre = false }
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
}

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
    let text = TemplateRenderer.renderBytes(TemplateSet.documentTemplate, root: model, templates: templates.parsed)
    return tidyBlankLines(text)
}

/// Runs of blank lines (left where optional parts of the templates printed nothing) become one
/// blank line, outside `<pre>` blocks; the text ends with exactly one newline.
func tidyBlankLines(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var inPre = false, blank = true
    var start = 0
    while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = bytes[start..<end]
        start = end + 1
        let isBlank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if !inPre && isBlank {
            if !blank { out.append(UInt8(ascii: "\n")) }
            blank = true
            continue
        }
        out += line
        out.append(UInt8(ascii: "\n"))
        blank = false
        if line.contains(UInt8(ascii: "<")) {
            if contains(line, "<pre") { inPre = true }
            if contains(line, "</pre>") { inPre = false }
        }
    }
    while out.count >= 2 && out[out.count - 1] == UInt8(ascii: "\n") && out[out.count - 2] == UInt8(ascii: "\n") { out.removeLast() }
    if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    return String(decoding: out, as: UTF8.self)
}

private func contains(_ line: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
    let n = needle.utf8Start
    let count = needle.utf8CodeUnitCount
    guard line.count >= count else { return false }
    var i = line.startIndex
    while i + count <= line.endIndex {
        var match = true
        for k in 0..<count where line[i + k] != n[k] { match = false; break }
        if match { return true }
        i += 1
    }
    return false
}

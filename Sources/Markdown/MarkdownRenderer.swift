import VPCModel

/// Renders a topology's documentation as Markdown.
///
/// - Parameters:
///   - documentName: the base name of the output files, used as the title when the topology has none.
///   - diagrams: the diagram files shown at the top, each as a link to itself (`[![…](x.svg)](x.svg)`:
///     a wiki shows the picture; a click opens the SVG, where its own links work).
///   - vpcDiagrams: VPC id → that VPC's own diagram, shown the same way in the VPC's section.
///   - templates: the built-in templates, or a user's copy (`TemplateSet(directory:)`).
/// - Returns: the document, ending in one newline. The same input gives the same bytes.
public func renderMarkdown(_ topology: Topology, documentName: String, diagrams: [String]? = nil, vpcDiagrams: [String: String] = [:],
                           templates: TemplateSet = .builtIn, findings: [Finding]? = nil) -> String {
    var builder = DocumentBuilder(topology: topology, documentName: documentName, prices: templates.prices, findings: findings)
    builder.diagrams = diagrams ?? [documentName + ".svg"]
    builder.vpcDiagrams = vpcDiagrams
    let model = builder.build()
    let text = TemplateRenderer.renderBytes(TemplateSet.documentTemplate, root: model, templates: templates.parsed)
    return tidyBlankLines(text)
}

/// Runs of blank lines (left where optional parts of the templates printed nothing) become one
/// blank line, outside `<pre>` blocks; the text ends with exactly one newline.
func tidyBlankLines(_ text: [UInt8]) -> String {
    let newline = UInt8(ascii: "\n")
    return text.withUnsafeBufferPointer { bytes in
        // Every line is written with at most its own bytes and its line break; only the last may lack one.
        String(unsafeUninitializedCapacity: bytes.count + 1) { out in
            var count = 0
            var inPre = false, blank = true
            var start = 0
            while start < bytes.count {
                var end = start
                var isBlank = true, hasTag = false
                while end < bytes.count {
                    let b = bytes[end]
                    if b == newline { break }
                    if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") { isBlank = false }
                    if b == UInt8(ascii: "<") { hasTag = true }
                    end += 1
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if !inPre && isBlank {
                    if !blank {
                        out[count] = newline
                        count += 1
                    }
                    blank = true
                    continue
                }
                if !line.isEmpty {
                    _ = UnsafeMutableBufferPointer(rebasing: out[count..<count + line.count]).initialize(from: line)
                    count += line.count
                }
                out[count] = newline
                count += 1
                blank = false
                if hasTag {
                    if contains(line, "<pre") { inPre = true }
                    if contains(line, "</pre>") { inPre = false }
                }
            }
            while count >= 2 && out[count - 1] == newline && out[count - 2] == newline { count -= 1 }
            if count == 0 || out[count - 1] != newline {
                out[count] = newline
                count += 1
            }
            return count
        }
    }
}

/// Whether `line` holds `needle`, looked for only where a `<` is (every needle starts with one).
private func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
    let n = needle.utf8Start
    let length = needle.utf8CodeUnitCount
    guard line.count >= length else { return false }
    var i = 0
    while i + length <= line.count {
        if line[i] == n[0] {
            var match = true
            for k in 1..<length where line[i + k] != n[k] { match = false; break }
            if match { return true }
        }
        i += 1
    }
    return false
}

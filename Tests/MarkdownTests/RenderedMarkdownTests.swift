import Foundation
import Markdown
import Testing
import TestSupport

/// Reads the documents with a real GFM renderer (Debian's `cmark-gfm`): every table comes out as
/// a table with all its rows, every row has the header's number of cells, every in-document link
/// lands on an anchor, anchors are unique, and no HTML from the input gets through.
@Suite struct RenderedMarkdownTests {
    static let cmark = "/usr/bin/cmark-gfm"

    /// `cmark-gfm -e table --unsafe`: raw HTML is kept, so an escaping mistake would show.
    static func html(_ markdown: String) throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: cmark), "\(cmark) is missing: apt-get install cmark-gfm")
        let result = try Run.process(cmark, ["-e", "table", "--unsafe", "--to", "html"], input: Data(markdown.utf8))
        try #require(result.status == 0, "cmark-gfm failed: \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: DocumentCases.names)
    func tablesKeepTheirShape(_ caseName: String) throws {
        let markdown = try render(caseName)
        let source = MarkdownTables.find(in: markdown)
        let rendered = try Self.html(markdown).components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        #expect(!source.isEmpty, "\(caseName): no tables")
        #expect(rendered.count == source.count, "\(caseName): \(source.count) tables written, cmark-gfm read \(rendered.count)")
        for (table, html) in zip(source, rendered) {
            let rows = html.components(separatedBy: "<tr>").count - 1
            #expect(rows == table.rows.count + 1, "\(caseName): table at line \(table.line) has \(table.rows.count) rows, cmark-gfm read \(rows - 1)")
            let header = table.header.count
            for (offset, row) in table.rows.enumerated() {
                #expect(row.count == header, "\(caseName): line \(table.line + 2 + offset) has \(row.count) cells, the header \(header)")
            }
            let headerCells = html.components(separatedBy: "<th>").count + html.components(separatedBy: "<th ").count - 2
            #expect(headerCells == header, "\(caseName): table at line \(table.line): cmark-gfm read \(headerCells) header cells, not \(header)")
        }
    }

    @Test(arguments: DocumentCases.names)
    func linksLandOnAnchors(_ caseName: String) throws {
        let html = try Self.html(try render(caseName))
        let ids = Self.captures(#"id="([^"]*)""#, in: html)
        let links = Self.captures(##"href="#([^"]*)""##, in: html)
        #expect(!links.isEmpty, "\(caseName): no in-document links")
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "\(caseName): anchors defined twice: \(duplicates)")
        let missing = Set(links).subtracting(ids).sorted()
        #expect(missing.isEmpty, "\(caseName): links to missing anchors: \(missing)")
    }

    @Test func hostileNamesInjectNoHTML() throws {
        let html = try Self.html(try render("hostile-names"))
        for tag in ["<script", "<img src=x", "<b>", "</pre><script"] {
            #expect(!html.contains(tag), "rendered HTML contains \(tag)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name's text is shown, escaped")
        #expect(html.contains("pipe | in *name* [link](http://x) &amp; &lt;b&gt;bold&lt;/b&gt;"), "the subnet name reads as written")
        #expect(html.contains("line one line | two"), "the newline in a description is a space, the pipe kept")
    }

    func render(_ caseName: String) throws -> String {
        let topology = try #require(DocumentCases.topology(caseName))
        return renderMarkdown(topology, documentName: DocumentCases.documentName(caseName))
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }
}

/// GFM tables as written: a header row, a delimiter row, then rows up to a blank line; cells split
/// at each `|` not escaped by a backslash (GFM splits there even inside code spans).
enum MarkdownTables {
    struct Table {
        var line: Int
        var header: [String]
        var rows: [[String]]
    }

    static func find(in markdown: String) -> [Table] {
        let lines = markdown.components(separatedBy: "\n")
        var tables: [Table] = []
        var i = 0
        while i + 1 < lines.count {
            let delimiter = lines[i + 1]
            if lines[i].hasPrefix("|"), delimiter.hasPrefix("|"), delimiter.allSatisfy({ "|-: ".contains($0) }) {
                var table = Table(line: i + 1, header: cells(lines[i]), rows: [])
                i += 2
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    table.rows.append(cells(lines[i]))
                    i += 1
                }
                tables.append(table)
            } else {
                i += 1
            }
        }
        return tables
    }

    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if c == "|" { cells.append(current); current = ""; continue }
            current.append(c)
        }
        cells.append(current)
        // The leading and trailing pipes bound the row.
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|") && !line.hasSuffix("\\|") { cells.removeLast() }
        return cells
    }
}

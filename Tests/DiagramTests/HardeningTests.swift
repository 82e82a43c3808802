@testable import Diagram
import Foundation
import Graphviz
import Pipeline
import TestSupport
import Testing
import VPCModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Issue 8: the Graphviz boundary fails safe, and no name or id can inject into DOT, the SVG or a path.
@Suite struct HardeningTests {
    // MARK: - The Graphviz boundary

    /// The smallest graph that made dot 2.42 double-free when its layout was freed: a labelled edge
    /// between two nodes of one rank with a node between them. Given to Graphviz as it is, the
    /// wrapper sees the damaged rank lists and fails the diagram without freeing or rendering it
    /// (before, this aborted the process: `free(): double free detected in tcache 2`).
    static let doubleFreeDOT = "digraph g {\n  { rank=same; a; b; c; }\n  a -> b [style=invis];\n  b -> c [style=invis];\n  a -> c [label=\"x\"];\n}\n"

    @Test func aDamagedLayoutFailsTheDiagramInsteadOfTheProcess() {
        for _ in 0..<3 {
            let (output, diagnostics) = GraphvizRenderer.render(dot: Self.doubleFreeDOT, file: "flat.dot")
            #expect(output == nil)
            #expect(diagnostics.map(\.description) == [
                "flat.dot: error: graphviz 2.42 damaged its own memory laying out the diagram (a labelled edge between nodes of one rank); it was not drawn [graphviz]",
            ])
        }
        // Graphviz still works afterwards.
        #expect(GraphvizRenderer.render(dot: "digraph ok { a -> b; }\n", file: "ok.dot").output?.contains("<svg") == true)
    }

    /// The diagram stage never writes that shape: a label on an edge that can end up flat (in one
    /// `rank=same` group, `constraint=false`, or `minlen=0`) is written as an `xlabel`.
    @Test func edgesThatCanBeFlatCarryXlabels() throws {
        var root = DiagramCluster("root")
        var row = DiagramCluster("row", Attributes([("rank", .string("same"))]))
        row.nodes = ["a", "b", "c"].map { DiagramNode($0) }
        root.clusters = [row]
        root.nodes = [DiagramNode("d")]
        var graph = DiagramGraph(name: "g", graphAttributes: Attributes(), nodeDefaults: Attributes(), edgeDefaults: Attributes(), root: root)
        graph.edges = [
            DiagramEdge("a", "b", Attributes([("style", .string("invis"))])),
            DiagramEdge("b", "c", Attributes([("style", .string("invis"))])),
            DiagramEdge("a", "c", Attributes([("label", .string("same rank"))])),
            DiagramEdge("d", "a", Attributes([("label", .string("loose")), ("constraint", .string("false"))])),
            DiagramEdge("d", "b", Attributes([("label", .string("zero")), ("minlen", .string("0"))])),
            DiagramEdge("d", "c", Attributes([("label", .string("ranked"))])),
        ]
        let dot = DOTWriter.write(graph)
        for text in ["same rank", "loose", "zero"] {
            #expect(dot.contains("xlabel=\"\(text)\""))
            #expect(!dot.contains(" label=\"\(text)\""))
        }
        #expect(dot.contains("[label=\"ranked\"]"))
        let (svg, diagnostics) = GraphvizRenderer.render(dot: dot, file: "g.dot")
        #expect(diagnostics.isEmpty)
        #expect(svg?.contains(">same rank</text>") == true)
    }

    /// What used to abort: the overview of peered VPCs in a row (every split render past 8 VPCs),
    /// and `samples/shared-services.yaml --view overview`, rendered in this process.
    @Test func overviewsOfPeeredRowsRender() throws {
        let topology = HostileInput.peered(count: 12, name: "vpc")
        for view in DiagramView.allCases {
            let (files, diagnostics) = Pipeline(formats: [.svg], view: view, split: .always).render(topology, name: "peered")
            #expect(diagnostics.isEmpty, "\(view): \(diagnostics)")
            #expect(!files.isEmpty)
        }
        let shared = try SampleRendering.load(Paths.samples.appendingPathComponent("shared-services.yaml"))
        let (files, diagnostics) = Pipeline(formats: [.svg], view: .overview).render(shared, name: "shared-services")
        #expect(diagnostics.isEmpty)
        #expect(files.map(\.fileName) == ["shared-services.overview.svg"])
    }

    // MARK: - Escaping

    @Test func dotQuotingHoldsAnyText() {
        #expect(DOTWriter.quote(#"x\", URL=<javascript:alert(1)>"#) == #""x\\\", URL=<javascript:alert(1)>""#)
        #expect(DOTWriter.quote("a\\") == #""a\\""#)
        #expect(DOTWriter.quote("\\N") == #""\\N""#)
        #expect(DOTWriter.quote("two\nlines\r") == #""two\nlines""#)
        #expect(DOTWriter.quote("bell\u{7}nul\u{0}c1\u{85}") == "\"bell\u{FFFD}nul\u{FFFD}c1\u{FFFD}\"")
        #expect(DOTWriter.quote("vpc-0a1b2c3d4e5f60718") == "\"vpc-0a1b2c3d4e5f60718\"")
        // Graphviz reads no quoted string over 16,384 bytes: longer text is cut, escapes included.
        let long = DOTWriter.quote(String(repeating: "\\é", count: 20_000))
        #expect(long.utf8.count <= 16_000)
        #expect(long.hasSuffix("…\""))
    }

    /// The byte-level quoting (short text) writes what the character-level one (which can cut long
    /// text between characters) writes: every hostile name, controls, C1, CR LF, combining marks.
    @Test func byteQuotingMatchesCharacterQuoting() {
        let texts = HostileInput.names + ["", "\r\n", "a\u{301}\"\u{301}", "\u{C2}\u{A0}x\u{9F}\u{80}", "tab\there", "\u{7F}del", "é\\\n\"",
                                          String(repeating: "\u{85}", count: 5_400), String(repeating: "\\", count: 5_331)]
        for text in texts {
            #expect(DOTWriter.quote(text) == DOTWriter.quoteCharacters(text), "\(text.debugDescription)")
        }
    }

    /// Every hostile name, as a VPC's, a subnet's, a peering's and the title, in every view and
    /// with links: Graphviz reads the DOT (no error), the SVG is well-formed XML, and
    /// it carries no script, no event handler and no link but to its own files and the console.
    @Test(arguments: HostileInput.names.indices) func hostileNamesStayText(_ index: Int) throws {
        let name = HostileInput.names[index]
        let topology = HostileInput.peered(count: 5, name: name)
        // Each view with one of the link targets, a different one for each name.
        for (number, view) in DiagramView.allCases.enumerated() {
            do {
                let links = [LinkTarget.none, .docs("hostile.md"), .console][(index + number) % 3]
                let pipeline = Pipeline(formats: [.dot, .svg], diagramOptions: DiagramOptions(links: links), view: view, split: .always)
                let (files, diagnostics) = pipeline.render(topology, name: "hostile")
                #expect(diagnostics.isEmpty, "\(view) \(links): \(diagnostics.map(\.description))")
                let written = Set(files.map(\.fileName))
                for file in files where file.fileName.hasSuffix(".svg") {
                    try SVGInspection.check(file.contents, linkable: written.union(["hostile.md"]))
                }
                // The DOT users commit is read by `dot` itself the same way.
                if view == .overview, let dot = files.first(where: { $0.fileName.hasSuffix(".dot") }) {
                    let result = try Run.process("dot", ["-Tcanon"], input: dot.data)
                    #expect(result.status == 0, "\(result.stderr)")
                }
            }
        }
    }

    /// A long name is cut in the picture, so it cannot stretch the layout, and kept whole in the tooltip.
    @Test func longNamesAreShortenedInLabelsAndKeptInTooltips() throws {
        let name = String(repeating: "n", count: 10_000)
        let topology = HostileInput.peered(count: 5, name: name)
        let (files, diagnostics) = Pipeline(formats: [.svg], view: .overview).render(topology, name: "long")
        #expect(diagnostics.isEmpty)
        let svg = try #require(files.first?.contents)
        let texts = SVGInspection.texts(svg)
        #expect(texts.contains(String(repeating: "n", count: 63) + "…"))
        #expect(texts.allSatisfy { $0.count <= 100 })
        let titles = SVGInspection.texts(svg, element: "title")
        #expect(titles.contains { $0.hasPrefix("VPC vpc-00000000000000001\n" + name + "\n") }, "\(titles.map { $0.prefix(40) })")
        let width = try #require(SVGInspection.viewBox(svg)?.width)
        #expect(width < 3_000)
    }

    /// Ids become links only percent-encoded, and file names only through `FileName`.
    @Test func hostileIdsNeitherInjectNorEscapeTheOutputFolder() throws {
        let ids = ["vpc-1\" onmouseover=\"alert(1)", "vpc-1/../../escaped", "..", "vpc 2#x?y=1&z", ".hidden"]
        let topology = HostileInput.peered(count: ids.count, name: "n", vpcID: { ids[$0] })
        for links in [LinkTarget.docs("ids.md"), .console] {
            let (files, diagnostics) = Pipeline(formats: [.svg], diagramOptions: DiagramOptions(links: links), split: .always)
                .render(topology, name: "ids")
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            for file in files {
                #expect(!file.fileName.contains("/"))
                #expect(!file.fileName.hasPrefix("."))
                try SVGInspection.check(file.contents, linkable: Set(files.map(\.fileName)).union(["ids.md"]))
            }
            #expect(files.map(\.fileName).contains("ids.vpc-1_2F.._2F.._2Fescaped.svg"))
            #expect(files.map(\.fileName).contains("ids._2E..svg"))
            let overview = try #require(files.first { $0.fileName == "ids.svg" }).contents
            #expect(overview.contains("xlink:href=\"ids.vpc-1_22_20onmouseover_3D_22alert_281_29.svg\""))
        }
        #expect(FileName.component("vpc-0a1b2c3d4e5f60718") == "vpc-0a1b2c3d4e5f60718")
        #expect(FileName.component("") == "_")
        #expect(FileName.component("a_b") != FileName.component("a/b"))
    }

    // MARK: - The last check before writing

    @Test func svgSafetyNamesWhatMustNotBeWritten() {
        let files: Set<String> = ["x.svg", "x.md"]
        #expect(SVGSafety.problems(in: "<svg><a xlink:href=\"#icon-vpc\"/><a xlink:href=\"x.md#vpc-1\"/><a xlink:href=\"https://console.aws.amazon.com/vpcconsole/home\"/></svg>",
                                   linkableFiles: files).isEmpty)
        #expect(SVGSafety.problems(in: "<svg><a xlink:href=\"javascript:alert(1)\"/></svg>", linkableFiles: files) == ["links to 'javascript:alert(1)'"])
        #expect(SVGSafety.problems(in: "<svg><a href=\"https://evil.example/\"/></svg>", linkableFiles: files) == ["links to 'https://evil.example/'"])
        #expect(SVGSafety.problems(in: "<svg><g onmouseover=\"alert(1)\"/></svg>", linkableFiles: files) == ["has an event handler attribute 'onmouseover'"])
        #expect(SVGSafety.problems(in: "<svg><SCRIPT>alert(1)</SCRIPT></svg>", linkableFiles: files) == ["contains a '<script' element"])
        #expect(SVGSafety.problems(in: "<svg><text>onload=&quot;x&quot; &lt;script&gt;</text></svg>", linkableFiles: files).isEmpty)
    }
}

/// Reads an SVG as a browser would, independently of `SVGSafety`: every element and attribute.
enum SVGInspection {
    struct Unsafe: Error, CustomStringConvertible { var description: String }

    static func document(_ svg: String) throws -> XMLDocument {
        try XMLDocument(data: Data(svg.utf8), options: [])
    }

    static func check(_ svg: String, linkable: Set<String>) throws {
        let root = try #require(try document(svg).rootElement())
        var stack = [root]
        while let element = stack.popLast() {
            let name = (element.name ?? "").lowercased()
            if ["script", "foreignobject", "iframe", "object", "embed"].contains(name) { throw Unsafe(description: "<\(name)> element") }
            for attribute in element.attributes ?? [] {
                let key = (attribute.name ?? "").lowercased(), value = attribute.stringValue ?? ""
                if key.hasPrefix("on") { throw Unsafe(description: "\(key)= attribute") }
                if key == "href" || key.hasSuffix(":href") {
                    let file = String(value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]).removingPercentEncoding ?? ""
                    let ok = value.hasPrefix("#") || value.hasPrefix("https://console.aws.amazon.com/") || linkable.contains(file)
                    if !ok { throw Unsafe(description: "link to \(value)") }
                }
            }
            stack += element.children?.compactMap { $0 as? XMLElement } ?? []
        }
    }

    /// The text of every `<text>` (or other) element.
    static func texts(_ svg: String, element wanted: String = "text") -> [String] {
        guard let root = try? document(svg).rootElement() else { return [] }
        var out: [String] = []
        var stack = [root]
        while let element = stack.popLast() {
            if element.name == wanted { out.append(element.stringValue ?? "") }
            stack += element.children?.compactMap { $0 as? XMLElement } ?? []
        }
        return out
    }

    static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
        guard let range = svg.range(of: "viewBox=\"") else { return nil }
        let numbers = svg[range.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        return numbers.count == 4 ? (numbers[2], numbers[3]) : nil
    }
}

extension HardeningTests {
    /// A DOT file written without an SVG is still read by Graphviz first: what it cannot read is
    /// an error, not a file.
    @Test func dotAloneIsCheckedByGraphviz() {
        #expect(GraphvizRenderer.check(dot: "digraph g { a -> b; }\n", file: "ok.dot").isEmpty)
        #expect(GraphvizRenderer.check(dot: "digraph g {\n  a -> ;\n}\n", file: "bad.dot").map(\.description)
            == ["bad.dot:2: error: graphviz: syntax error in line 2 near ';' [graphviz]"])
        let topology = HostileInput.peered(count: 3, name: #"a\"b"# + "\u{1}")
        let (files, diagnostics) = Pipeline(formats: [.dot]).render(topology, name: "dot-only")
        #expect(diagnostics.isEmpty)
        #expect(files.map(\.fileName) == ["dot-only.dot"])
    }
}

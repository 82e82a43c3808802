import Testing
@testable import Markdown
import VPCModel

/// The Markdown module's own Mustache parser and renderer, against the Mustache spec's behaviours
/// the templates rely on (and swift-mustache's transforms).
@Suite struct TemplateRendererTests {
    func render(_ source: String, _ root: Node, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(source)]
        for (name, text) in partials { templates[name] = try Template(text) }
        return TemplateRenderer.render("main", root: root, templates: templates)
    }

    @Test func standaloneLinesAreRemoved() throws {
        let root: Node = ["items": [MarkdownText("a"), MarkdownText("b")], "yes": true]
        #expect(try render("begin\n{{#items}}\n- {{.}}\n{{/items}}\n  {{! note }}\n{{^yes}}\nno\n{{/yes}}\nend\n", root) == "begin\n- a\n- b\nend\n")
        // Not standalone: text on the line keeps the line.
        #expect(try render("x {{#yes}}y{{/yes}}\n", root) == "x y\n")
    }

    @Test func invertedSections() throws {
        let root: Node = ["empty": [Node](), "no": false, "gone": NoValue(), "here": MarkdownText("x")]
        #expect(try render("{{^empty}}E{{/empty}}{{^no}}N{{/no}}{{^gone}}G{{/gone}}{{^missing}}M{{/missing}}{{^here}}H{{/here}}", root) == "ENGM")
    }

    @Test func lookupsClimbTheContextStackUnlessNoValueStopsThem() throws {
        let root: Node = ["name": MarkdownText("outer"), "inner": ["id": MarkdownText("i")] as Node,
                          "blank": ["name": NoValue()] as Node]
        #expect(try render("{{#inner}}{{id}} {{name}}{{/inner}}|{{#blank}}[{{name}}]{{/blank}}", root) == "i outer|[]")
    }

    @Test func dottedNamesAndDot() throws {
        let root: Node = ["a": ["b": ["c": 3] as Node] as Node, "list": [MarkdownText("x"), MarkdownText("y")]]
        #expect(try render("{{a.b.c}} {{#a.b}}{{c}}{{/a.b}} {{a.x.c}}[{{#list}}{{.}}{{/list}}]", root) == "3 3 [xy]")
        // The first part is found up the stack; the rest only inside it.
        #expect(try render("{{#a}}{{#b}}{{a.b.c}}{{/b}}{{/a}}", root) == "3")
    }

    @Test func standalonePartialsAreIndented() throws {
        let root: Node = ["items": [MarkdownText("a"), MarkdownText("b")]]
        let output = try render("list:\n  {{> part}}\nend\n", root, partials: ["part": "{{#items}}\n- {{.}}\n{{/items}}\n"])
        #expect(output == "list:\n  - a\n  - b\nend\n")
        #expect(try render("<{{> part}}>", root, partials: ["part": "p"]) == "<p>")
    }

    @Test func positionTransformsInListSections() throws {
        let root: Node = ["items": [MarkdownText("a"), MarkdownText("b"), MarkdownText("c")]]
        #expect(try render("{{#items}}{{#first()}}[{{/first()}}{{.}}{{^last()}}, {{/last()}}{{/items}}]", root) == "[a, b, c]")
        #expect(try render("{{#items}}{{index()}}{{plusone(index())}}{{#odd()}}o{{/odd()}} {{/items}}", root) == "01 12o 23 ")
        // Outside a list item there is no position: `first()` is false, `^last()` renders.
        #expect(try render("{{#first()}}F{{/first()}}{{^last()}}L{{/last()}}", root) == "L")
    }

    @Test func valueTransforms() throws {
        let root: Node = ["id": MarkdownText("vpc-1|x"), "plain": MarkdownText("a b"), "none": [MarkdownText]()]
        #expect(try render("{{code(plain)}} {{anchor(plain)}} {{#empty(none)}}E{{/empty(none)}} {{count(none)}}", root)
                == "`a b` \(DocumentAnchor.id(for: "a b")) E 0")
        #expect(try render("{{code(id)}}", root) == MarkdownEscaping.code("vpc-1|x"))
    }

    @Test func escapingIsTheViewModelsJob() throws {
        let root: Node = ["text": MarkdownText("<b>*x*</b>"), "fragment": MarkdownFragment("**bold**")]
        // Input text escapes itself however it is written; fragments and templates are printed as they are.
        #expect(try render("{{text}} {{{text}}} {{&text}} {{fragment}} <i>", root)
                == "\\<b\\>\\*x\\*\\</b\\> \\<b\\>\\*x\\*\\</b\\> \\<b\\>\\*x\\*\\</b\\> **bold** <i>")
    }

    @Test func setDelimitersAndComments() throws {
        #expect(try render("{{=<% %>=}}<% a %>{{a}}<%! c %>", ["a": 1]) == "1{{a}}")
    }

    @Test func parseErrorsHaveALocation() throws {
        let source = "one\n  {{#a}}\n{{/b}}\n"
        #expect(throws: TemplateParseError.self) { try Template(source) }
        do {
            _ = try Template(source)
        } catch {
            #expect(error.message == "closing tag does not match the open section")
            let location = error.location(in: source)
            #expect(location.line == 3 && location.column == 4)
        }
    }
}

@testable import Markdown
import Testing

/// The Mustache specification (github.com/mustache/spec, `specs/*.yml`: interpolation, sections,
/// inverted, comments, partials, delimiters), case by case, written here against our renderer's
/// values. The spec's files are not on this machine; each case keeps the spec's name, template and
/// expected output. Where vpcgraph differs on purpose, `deliberateDifferences` says how.
///
/// Values: the spec's strings are `.string` here (printed as they are); `.text` is input text,
/// which escapes itself for Markdown instead of HTML. There are no decimals in the view model.
@Suite struct MustacheSpecTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var template: String
        var data: Node = [:]
        var partials: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static func s(_ text: String) -> TemplateValue { .string(text) }
    static func list(_ items: TemplateValue...) -> TemplateValue { .list(items) }

    static func render(_ c: Case) throws -> String {
        var templates = ["__test__": try Template(c.template)]
        for (name, text) in c.partials { templates[name] = try Template(text) }
        return TemplateRenderer.render("__test__", root: c.data, templates: templates)
    }

    static let interpolationCases: [Case] = [
        Case(name: "No Interpolation", template: "Hello from {Mustache}!\n", expected: "Hello from {Mustache}!\n"),
        Case(name: "Basic Interpolation", template: "Hello, {{subject}}!\n", data: ["subject": s("world")], expected: "Hello, world!\n"),
        Case(name: "Triple Mustache", template: "not escaped: {{{forbidden}}}\n", data: ["forbidden": s("& \" < >")], expected: "not escaped: & \" < >\n"),
        Case(name: "Ampersand", template: "not escaped: {{&forbidden}}\n", data: ["forbidden": s("& \" < >")], expected: "not escaped: & \" < >\n"),
        Case(name: "Basic Integer Interpolation", template: "\"{{mph}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        Case(name: "Triple Mustache Integer Interpolation", template: "\"{{{mph}}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        Case(name: "Ampersand Integer Interpolation", template: "\"{{&mph}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        Case(name: "Basic Context Miss Interpolation", template: "I ({{cannot}}) be seen!", expected: "I () be seen!"),
        Case(name: "Triple Mustache Context Miss Interpolation", template: "I ({{{cannot}}}) be seen!", expected: "I () be seen!"),
        Case(name: "Ampersand Context Miss Interpolation", template: "I ({{&cannot}}) be seen!", expected: "I () be seen!"),
        Case(name: "Dotted Names - Basic Interpolation", template: "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"",
             data: ["person": ["name": s("Joe")] as Node], expected: "\"Joe\" == \"Joe\""),
        Case(name: "Dotted Names - Triple Mustache Interpolation", template: "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"",
             data: ["person": ["name": s("Joe")] as Node], expected: "\"Joe\" == \"Joe\""),
        Case(name: "Dotted Names - Ampersand Interpolation", template: "\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"",
             data: ["person": ["name": s("Joe")] as Node], expected: "\"Joe\" == \"Joe\""),
        Case(name: "Dotted Names - Arbitrary Depth", template: "\"{{a.b.c.d.e.name}}\" == \"Phil\"",
             data: ["a": ["b": ["c": ["d": ["e": ["name": s("Phil")] as Node] as Node] as Node] as Node] as Node], expected: "\"Phil\" == \"Phil\""),
        Case(name: "Dotted Names - Broken Chains", template: "\"{{a.b.c}}\" == \"\"", data: ["a": Node()], expected: "\"\" == \"\""),
        Case(name: "Dotted Names - Broken Chain Resolution", template: "\"{{a.b.c.name}}\" == \"\"",
             data: ["a": ["b": Node()] as Node, "c": ["name": s("Jim")] as Node], expected: "\"\" == \"\""),
        Case(name: "Dotted Names - Initial Resolution", template: "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"",
             data: ["a": ["b": ["c": ["d": ["e": ["name": s("Phil")] as Node] as Node] as Node] as Node] as Node,
                    "b": ["c": ["d": ["e": ["name": s("Wrong")] as Node] as Node] as Node] as Node],
             expected: "\"Phil\" == \"Phil\""),
        Case(name: "Dotted Names - Leading Dot", template: "{{#a}}{{.name}}{{/a}}{{#b}}{{.name}}{{/b}}",
             data: ["a": Node(), "b": ["name": s("Name")] as Node, "name": s("Fail")], expected: "Name"),
        Case(name: "Dotted Names - Context Precedence", template: "{{#a}}{{b.c}}{{/a}}",
             data: ["a": ["b": Node()] as Node, "b": ["c": s("ERROR")] as Node], expected: ""),
        Case(name: "Interpolation - Surrounding Whitespace", template: "| {{string}} |", data: ["string": s("---")], expected: "| --- |"),
        Case(name: "Triple Mustache - Surrounding Whitespace", template: "| {{{string}}} |", data: ["string": s("---")], expected: "| --- |"),
        Case(name: "Ampersand - Surrounding Whitespace", template: "| {{&string}} |", data: ["string": s("---")], expected: "| --- |"),
        Case(name: "Interpolation - Standalone", template: "  {{string}}\n", data: ["string": s("---")], expected: "  ---\n"),
        Case(name: "Triple Mustache - Standalone", template: "  {{{string}}}\n", data: ["string": s("---")], expected: "  ---\n"),
        Case(name: "Ampersand - Standalone", template: "  {{&string}}\n", data: ["string": s("---")], expected: "  ---\n"),
        Case(name: "Interpolation With Padding", template: "|{{ string }}|", data: ["string": s("---")], expected: "|---|"),
        Case(name: "Triple Mustache With Padding", template: "|{{{ string }}}|", data: ["string": s("---")], expected: "|---|"),
        Case(name: "Ampersand With Padding", template: "|{{& string }}|", data: ["string": s("---")], expected: "|---|"),
    ]

    static let sectionsCases: [Case] = [
        Case(name: "Truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true], expected: "\"This should be rendered.\""),
        Case(name: "Falsey", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": false], expected: "\"\""),
        Case(name: "Null is falsey", template: "\"{{#null}}This should not be rendered.{{/null}}\"", data: ["null": NoValue()], expected: "\"\""),
        Case(name: "Context", template: "\"{{#context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": s("Joe")] as Node], expected: "\"Hi Joe.\""),
        Case(name: "Parent contexts", template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
             data: ["a": s("foo"), "b": s("wrong"), "sec": ["b": s("bar")] as Node, "c": ["d": s("baz")] as Node], expected: "\"foo, bar, baz\""),
        Case(name: "Variable test", template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: ["foo": s("bar")], expected: "\"bar is bar\""),
        Case(name: "List Contexts",
             template: "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
             data: ["tops": list(.node([
                 "tname": ["upper": s("A"), "lower": s("a")] as Node,
                 "middles": list(.node(["mname": s("1"), "bottoms": list(.node(["bname": s("x")]), .node(["bname": s("y")]))])),
             ]))],
             expected: "a1.A1x.A1y."),
        Case(name: "Deeply Nested Contexts", template: """
            {{#a}}
            {{one}}
            {{#b}}
            {{one}}{{two}}{{one}}
            {{#c}}
            {{one}}{{two}}{{three}}{{two}}{{one}}
            {{#d}}
            {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
            {{#five}}
            {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
            {{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}
            {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
            {{/five}}
            {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
            {{/d}}
            {{one}}{{two}}{{three}}{{two}}{{one}}
            {{/c}}
            {{one}}{{two}}{{one}}
            {{/b}}
            {{one}}
            {{/a}}

            """,
             data: ["a": ["one": 1] as Node, "b": ["two": 2] as Node, "c": ["three": 3, "d": ["four": 4, "five": 5] as Node] as Node],
             expected: "1\n121\n12321\n1234321\n123454321\n12345654321\n123454321\n1234321\n12321\n121\n1\n"),
        Case(name: "List", template: "\"{{#list}}{{item}}{{/list}}\"", data: ["list": list(.node(["item": 1]), .node(["item": 2]), .node(["item": 3]))], expected: "\"123\""),
        Case(name: "Empty List", template: "\"{{#list}}Yay lists!{{/list}}\"", data: ["list": list()], expected: "\"\""),
        Case(name: "Strings Not Lists", template: "\"{{#section}}foo{{/section}}\"", data: ["section": s("123")], expected: "\"foo\""),
        Case(name: "Doubled", template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
             data: ["bool": true, "two": s("second")], expected: "* first\n* second\n* third\n"),
        Case(name: "Nested (Truthy)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": true], expected: "| A B C D E |"),
        Case(name: "Nested (Falsey)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": false], expected: "| A  E |"),
        Case(name: "Context Misses", template: "[{{#missing}}Found key 'missing'!{{/missing}}]", expected: "[]"),
        Case(name: "Implicit Iterator - String", template: "\"{{#list}}({{.}}){{/list}}\"",
             data: ["list": list(s("a"), s("b"), s("c"), s("d"), s("e"))], expected: "\"(a)(b)(c)(d)(e)\""),
        Case(name: "Implicit Iterator - Integer", template: "\"{{#list}}({{.}}){{/list}}\"",
             data: ["list": list(.int(1), .int(2), .int(3), .int(4), .int(5))], expected: "\"(1)(2)(3)(4)(5)\""),
        Case(name: "Implicit Iterator - Array", template: "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"",
             data: ["list": list(list(.int(1), .int(2), .int(3)), list(s("a"), s("b"), s("c")))], expected: "\"(123)(abc)\""),
        Case(name: "Dotted Names - Truthy", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"", data: ["a": ["b": ["c": true] as Node] as Node],
             expected: "\"Here\" == \"Here\""),
        Case(name: "Dotted Names - Falsey", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: ["a": ["b": ["c": false] as Node] as Node],
             expected: "\"\" == \"\""),
        Case(name: "Dotted Names - Broken Chains", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: ["a": Node()], expected: "\"\" == \"\""),
        Case(name: "Surrounding Whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": true], expected: " | \t|\t | \n"),
        Case(name: "Internal Whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: ["boolean": true],
             expected: " |  \n  | \n"),
        Case(name: "Indented Inline Sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", data: ["boolean": true],
             expected: " YES\n GOOD\n"),
        Case(name: "Standalone Lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": true],
             expected: "| This Is\n|\n| A Line\n"),
        Case(name: "Indented Standalone Lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": true],
             expected: "| This Is\n|\n| A Line\n"),
        Case(name: "Standalone Line Endings", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": true], expected: "|\r\n|"),
        Case(name: "Standalone Without Previous Line", template: "  {{#boolean}}\n#{{/boolean}}\n/", data: ["boolean": true], expected: "#\n/"),
        Case(name: "Standalone Without Newline", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: ["boolean": true], expected: "#\n/\n"),
        Case(name: "Padding", template: "|{{# boolean }}={{/ boolean }}|", data: ["boolean": true], expected: "|=|"),
    ]

    static let invertedCases: [Case] = [
        Case(name: "Falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false], expected: "\"This should be rendered.\""),
        Case(name: "Null", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": NoValue()], expected: "\"This should be rendered.\""),
        Case(name: "Truthy", template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": true], expected: "\"\""),
        Case(name: "Truthy - Strings", template: "\"{{^string}}This should not be {{string}}.{{/string}}\"", data: ["string": s("rendered")], expected: "\"\""),
        Case(name: "Context", template: "\"{{^context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": s("Joe")] as Node], expected: "\"\""),
        Case(name: "List", template: "\"{{^list}}{{n}}{{/list}}\"", data: ["list": list(.node(["n": 1]), .node(["n": 2]))], expected: "\"\""),
        Case(name: "Empty List", template: "\"{{^list}}Yay lists!{{/list}}\"", data: ["list": list()], expected: "\"Yay lists!\""),
        Case(name: "Doubled", template: "{{^t}}\n* first\n{{/t}}\n* {{two}}\n{{^t}}\n* third\n{{/t}}\n", data: ["t": false, "two": s("second")],
             expected: "* first\n* second\n* third\n"),
        Case(name: "Nested (Falsey)", template: "| A {{^t}}B {{^t}}C{{/t}} D{{/t}} E |", data: ["t": false], expected: "| A B C D E |"),
        Case(name: "Nested (Truthy)", template: "| A {{^t}}B {{^t}}C{{/t}} D{{/t}} E |", data: ["t": true], expected: "| A  E |"),
        Case(name: "Context Misses", template: "[{{^missing}}Found key 'missing'!{{/missing}}]", expected: "[Found key 'missing'!]"),
        Case(name: "Surrounding Whitespace", template: " | {{^boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": false], expected: " | \t|\t | \n"),
        Case(name: "Internal Whitespace", template: " | {{^boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: ["boolean": false],
             expected: " |  \n  | \n"),
        Case(name: "Standalone Lines", template: "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": false],
             expected: "| This Is\n|\n| A Line\n"),
        Case(name: "Standalone Indented Lines", template: "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": false],
             expected: "| This Is\n|\n| A Line\n"),
        Case(name: "Standalone Line Endings", template: "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": false], expected: "|\r\n|"),
        Case(name: "Standalone Without Previous Line", template: "  {{^boolean}}\n^{{/boolean}}\n/", data: ["boolean": false], expected: "^\n/"),
        Case(name: "Standalone Without Newline", template: "^{{^boolean}}\n/\n  {{/boolean}}", data: ["boolean": false], expected: "^\n/\n"),
        Case(name: "Padding", template: "|{{^ boolean }}={{/ boolean }}|", data: ["boolean": false], expected: "|=|"),
    ]

    static let commentsCases: [Case] = [
        Case(name: "Inline", template: "12345{{! Comment Block! }}67890", expected: "1234567890"),
        Case(name: "Multiline", template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", expected: "1234567890\n"),
        Case(name: "Standalone", template: "Begin.\n{{! Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Indented Standalone", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Standalone Line Endings", template: "|\r\n{{! Standalone Comment }}\r\n|", expected: "|\r\n|"),
        Case(name: "Standalone Without Previous Line", template: "  {{! I'm Still Standalone }}\n!", expected: "!"),
        Case(name: "Standalone Without Newline", template: "!\n  {{! I'm Still Standalone }}", expected: "!\n"),
        Case(name: "Multiline Standalone", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Indented Multiline Standalone", template: "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Indented Inline", template: "  12 {{! 34 }}\n", expected: "  12 \n"),
        Case(name: "Surrounding Whitespace", template: "12345 {{! Comment Block! }} 67890", expected: "12345  67890"),
    ]

    static let partialsCases: [Case] = [
        Case(name: "Basic Behavior", template: "\"{{>text}}\"", partials: ["text": "from partial"], expected: "\"from partial\""),
        Case(name: "Failed Lookup", template: "\"{{>text}}\"", expected: "\"\""),
        Case(name: "Context", template: "\"{{>partial}}\"", data: ["text": s("content")], partials: ["partial": "*{{text}}*"], expected: "\"*content*\""),
        Case(name: "Recursion", template: "{{>node}}",
             data: ["content": s("X"), "nodes": list(.node(["content": s("Y"), "nodes": list()]))],
             partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], expected: "X<Y<>>"),
        Case(name: "Surrounding Whitespace", template: "| {{>partial}} |", partials: ["partial": "\t|\t"], expected: "| \t|\t |"),
        Case(name: "Inline Indentation", template: "  {{data}}  {{> partial}}\n", data: ["data": s("|")], partials: ["partial": ">\n>"],
             expected: "  |  >\n>\n"),
        Case(name: "Standalone Line Endings", template: "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"], expected: "|\r\n>|"),
        Case(name: "Standalone Without Previous Line", template: "  {{>partial}}\n>", partials: ["partial": ">\n>"], expected: "  >\n  >>"),
        Case(name: "Standalone Without Newline", template: ">\n  {{>partial}}", partials: ["partial": ">\n>"], expected: ">\n  >\n  >"),
        Case(name: "Standalone Indentation", template: "\\\n {{>partial}}\n/\n", data: ["content": s("<\n->")],
             partials: ["partial": "|\n{{{content}}}a b{{{content}}}c\n|\n"], expected: "\\\n |\n <\n->a b<\n->c\n |\n/\n"),
        Case(name: "Padding Whitespace", template: "|{{> partial }}|", data: ["boolean": true], partials: ["partial": "[]"], expected: "|[]|"),
    ]

    static let delimitersCases: [Case] = [
        Case(name: "Pair Behavior", template: "{{=<% %>=}}(<%text%>)", data: ["text": s("Hey!")], expected: "(Hey!)"),
        Case(name: "Special Characters", template: "({{=[ ]=}}[text])", data: ["text": s("It worked!")], expected: "(It worked!)"),
        Case(name: "Sections", template: "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
             data: ["section": true, "data": s("I got interpolated.")], expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
        Case(name: "Inverted Sections", template: "[\n{{^section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|^section|\n  {{data}}\n  |data|\n|/section|\n]\n",
             data: ["section": false, "data": s("I got interpolated.")], expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
        Case(name: "Partial Inheritence", template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", data: ["value": s("yes")],
             partials: ["include": ".{{value}}."], expected: "[ .yes. ]\n[ .yes. ]\n"),
        Case(name: "Post-Partial Behavior", template: "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", data: ["value": s("yes")],
             partials: ["include": ".{{value}}. {{= | | =}} .|value|."], expected: "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n"),
        Case(name: "Surrounding Whitespace", template: "| {{=@ @=}} |", expected: "|  |"),
        Case(name: "Outlying Whitespace (Inline)", template: " | {{=@ @=}}\n", expected: " | \n"),
        Case(name: "Standalone Tag", template: "Begin.\n{{=@ @=}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Indented Standalone Tag", template: "Begin.\n  {{=@ @=}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "Standalone Line Endings", template: "|\r\n{{= @ @ =}}\r\n|", expected: "|\r\n|"),
        Case(name: "Standalone Without Previous Line", template: "  {{=@ @=}}\n=", expected: "="),
        Case(name: "Standalone Without Newline", template: "=\n  {{=@ @=}}", expected: "=\n"),
        Case(name: "Pair with Padding", template: "|{{= @   @ =}}|", expected: "||"),
    ]

    @Test(arguments: interpolationCases) func interpolation(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }
    @Test(arguments: sectionsCases) func sections(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }
    @Test(arguments: invertedCases) func inverted(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }
    @Test(arguments: commentsCases) func comments(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }
    @Test(arguments: partialsCases) func partials(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }
    @Test(arguments: delimitersCases) func delimiters(_ c: Case) throws { #expect(try Self.render(c) == c.expected) }

    /// Where vpcgraph departs from the spec on purpose.
    @Test func deliberateDifferences() throws {
        // Escaping: the spec HTML-escapes `{{x}}` and not `{{{x}}}`. Here input text escapes itself
        // for Markdown in every form (no raw form exists), and a transform's string never is escaped.
        let text: Node = ["forbidden": MarkdownText("& \" < > *")]
        #expect(try Self.render(Case(name: "", template: "{{forbidden}}|{{{forbidden}}}|{{&forbidden}}", data: text, expected: ""))
                == "\\& \" \\< \\> \\*|\\& \" \\< \\> \\*|\\& \" \\< \\> \\*")
        // Decimals (`1.210` → `1.21`) do not exist in the view model: numbers are `Int`.
        // Lambdas do not exist either: a value is data, never code.
        // Inheritance (`{{<parent}}`, `{{$block}}`) and dynamic partials (`{{>*name}}`) are refused.
        #expect(throws: TemplateParseError(offset: 2, message: "template inheritance is not supported")) { try Template("{{<parent}}{{/parent}}") }
        #expect(throws: TemplateParseError(offset: 2, message: "template inheritance is not supported")) { try Template("{{$block}}x{{/block}}") }
        #expect(throws: TemplateParseError(offset: 3, message: "dynamic partials are not supported")) { try Template("{{>*name}}") }
        // A missing partial renders as nothing (spec "Failed Lookup", above), but a template set
        // refuses it when it loads; so it does a partial that includes itself (spec "Recursion",
        // above, renders here), because the view model holds no recursive data: `{{#nodes}}` would
        // find an enclosing `nodes` again and again, for ever.
        let recursion = [
            "document": try Template("{{#regions}}{{> part}}{{/regions}}"), "part": try Template("{{#regions}}{{> document}}{{/regions}}"),
        ]
        #expect(TemplateCheck.problems(of: "document", in: recursion, root: .document).map(\.message)
                == ["partial 'document' includes itself (document → part → document)"])
        // Sections: `{{#x}}` on an empty text is rendered (text is truthy however long); a number is
        // truthy, 0 included; a node is truthy even when it has no fields.
        #expect(try Self.render(Case(name: "", template: "{{#e}}E{{/e}}{{#z}}Z{{/z}}{{#n}}N{{/n}}",
                                     data: ["e": Self.s(""), "z": 0, "n": Node()], expected: "")) == "EZN")
    }
}

import Foundation
import Markdown
import Testing
import VPCModel

@Suite struct EscapingTests {
    @Test func textEscapesMarkdownAndHTMLSyntax() {
        #expect(MarkdownEscaping.text("a|b") == #"a\|b"#)
        #expect(MarkdownEscaping.text("`x`") == #"\`x\`"#)
        #expect(MarkdownEscaping.text("<script>") == #"\<script\>"#)
        #expect(MarkdownEscaping.text("AT&T") == #"AT\&T"#)
        #expect(MarkdownEscaping.text(#"back\slash"#) == #"back\\slash"#)
        #expect(MarkdownEscaping.text("[x](y) *b* ~s~ #h !i") == ##"\[x\](y) \*b\* \~s\~ \#h \!i"##)
    }

    @Test func textKeepsIntrawordUnderscores() {
        #expect(MarkdownEscaping.text("my_subnet_a") == "my_subnet_a")
        #expect(MarkdownEscaping.text("_lead trail_") == #"\_lead trail\_"#)
    }

    @Test func newlinesBecomeOneSpace() {
        #expect(MarkdownEscaping.text("one\ntwo\r\n\nthree\tfour") == "one two three four")
        #expect(MarkdownEscaping.code("a\nb") == "`a b`")
    }

    @Test func codeSpansUseALongerFenceThanTheirContent() {
        #expect(MarkdownEscaping.code("vpc-1") == "`vpc-1`")
        #expect(MarkdownEscaping.code("a`b") == "``a`b``")
        #expect(MarkdownEscaping.code("``x") == "``` ``x ```")
        #expect(MarkdownEscaping.code("") == "")
    }

    @Test func codeWithAPipeIsWrittenAsText() {
        // `\|` inside a code span shows the backslash outside a table; escaped text reads right in both.
        #expect(MarkdownEscaping.code("a|b") == #"a\|b"#)
    }

    @Test func htmlAndURLEscaping() {
        #expect(MarkdownEscaping.html(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(MarkdownEscaping.url("my net (prod).svg") == "my%20net%20%28prod%29.svg")
        #expect(MarkdownEscaping.url("é.svg") == "%C3%A9.svg")
    }

    @Test func anchorsAreIdsWithUnsafeCharactersReplaced() {
        #expect(DocumentAnchor.id(for: "vpce-0a1b2c3d") == "vpce-0a1b2c3d")
        #expect(DocumentAnchor.id(for: "apigateway.eu-west-1.amazonaws.com") == "apigateway.eu-west-1.amazonaws.com")
        #expect(DocumentAnchor.id(for: #"a b"c<d>"#) == "a-b-c-d-")
        #expect(DocumentAnchor.id(for: "") == "-")
    }

    @Test func documentEscapesEveryInputString() {
        let markdown = renderMarkdown(SampleTopologies.hostileNames, documentName: "my net (prod)")
        #expect(markdown.hasPrefix(#"# Hostile \<names\> \| \`and\` \*stars\*"#))
        #expect(markdown.contains(#"pipe \| in \*name\* \[link\](http://x) \& \<b\>bold\</b\>"#))
        #expect(markdown.contains(#"| line one line \| two |"#), "newline and pipe in a rule description")
        #expect(markdown.contains("](my%20net%20%28prod%29.svg)"), "the diagram link is percent-encoded")
        #expect(markdown.contains("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), "the policy cannot close its <pre>")
        #expect(markdown.range(of: #"(?<!\\)<(script|img|b>)"#, options: .regularExpression) == nil, "no unescaped tag from the input")
    }

    @Test func documentIsDeterministic() {
        for topology in [SampleTopologies.appVPC, SampleTopologies.sharedServices, SampleTopologies.hostileNames] {
            let first = renderMarkdown(topology, documentName: "doc")
            #expect(renderMarkdown(topology, documentName: "doc") == first)
            #expect(renderMarkdown(topology, documentName: "doc", templates: .builtIn) == first)
        }
    }
}

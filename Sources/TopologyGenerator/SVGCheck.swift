import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What every SVG vpcgraph writes must be, whatever the names in its input: well-formed XML (an XML
/// parser reads it to the end), with no script element, no event-handler (`on…`) attribute and no
/// `javascript:` link. Used by the generative tests and the render fuzz harness.
public enum SVGCheck {
    /// The problems found; empty when the SVG is fine.
    public static func problems(_ svg: String) -> [String] {
        var problems: [String] = []
        if svg.range(of: "<script", options: .caseInsensitive) != nil { problems.append("contains '<script'") }
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // Foundation's XMLParser on Linux returns true for some fatal errors (a missing end tag, a
        // mismatched one) and only sets `parserError`: look at both, and at the delegate's callback.
        let finished = parser.parse()
        if !finished || parser.parserError != nil || delegate.errorCode != nil {
            let code = (parser.parserError as NSError?)?.code ?? delegate.errorCode
            let codeText = code.map { "XMLParser error \($0)" } ?? "unknown error"
            // Lines as the XML parser counts them: split at LF bytes ("\r\n" is one Character in Swift).
            let lines = svg.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = parser.lineNumber >= 1 && parser.lineNumber <= lines.count
                ? String(String(decoding: lines[parser.lineNumber - 1], as: UTF8.self).prefix(160)) : ""
            problems.append("not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber) (\(codeText)): \(line.debugDescription)")
        }
        if !delegate.sawSVG { problems.append("no <svg> root element") }
        return problems + delegate.problems
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var problems: [String] = []
        var sawSVG = false
        var errorCode: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if errorCode == nil { errorCode = (parseError as NSError).code }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map { $0.lowercased() } ?? ""
            if local == "svg" { sawSVG = true }
            if local == "script" { problems.append("a <\(elementName)> element at line \(parser.lineNumber)") }
            for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let attribute = name.split(separator: ":").last.map { $0.lowercased() } ?? ""
                if attribute.hasPrefix("on") {
                    problems.append("an event-handler attribute '\(name)' on <\(elementName)> at line \(parser.lineNumber)")
                }
                let squeezed = value.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
                if attribute == "href", squeezed.hasPrefix("javascript:") {
                    problems.append("a javascript: link on <\(elementName)> at line \(parser.lineNumber)")
                }
            }
        }
    }
}

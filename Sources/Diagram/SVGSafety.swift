/// The last check on an SVG before it is written: what wikis embed must not run anything or send
/// a click anywhere but to vpcgraph's own files and the AWS console. Graphviz writes `URL`s into
/// `xlink:href` without escaping quotes, so this looks at the finished bytes, not at what the
/// builders meant to write.
///
/// Text from the input reaches the SVG only escaped (`"` and `<` as entities), so a raw `<script`
/// or ` onload="` can only be markup.
public enum SVGSafety {
    /// The only web address a link may have.
    static let consolePrefix = "https://console.aws.amazon.com/"

    /// What is wrong with `svg`, one line each; empty when nothing is. `files`: the names of the
    /// files this render writes, which links may point at.
    public static func problems(in svg: String, linkableFiles files: Set<String>) -> [String] {
        let allowedFiles = Set(files.map(Href.percentEncoded))
        var problems: [String] = []
        let bytes = Array(svg.utf8)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for element in ["<script", "<foreignobject", "<iframe", "<embed", "<object"] where lower[...].index(of: Array(element.utf8)) != nil {
            problems.append("contains a '\(element)' element")
        }
        var i = 0
        while i < lower.count {
            // An attribute: a space, a name, `="`.
            guard lower[i] == UInt8(ascii: " ") else { i += 1; continue }
            var end = i + 1
            while end < lower.count, isNameByte(lower[end]) { end += 1 }
            guard end > i + 1, end + 1 < lower.count, lower[end] == UInt8(ascii: "="), lower[end + 1] == UInt8(ascii: "\"") else { i += 1; continue }
            let name = String(decoding: lower[(i + 1)..<end], as: UTF8.self)
            var close = end + 2
            while close < bytes.count, bytes[close] != UInt8(ascii: "\"") { close += 1 }
            let value = String(decoding: bytes[(end + 2)..<min(close, bytes.count)], as: UTF8.self)
            if name.hasPrefix("on") {
                problems.append("has an event handler attribute '\(name)'")
            } else if name == "href" || name.hasSuffix(":href") {
                if !isAllowedLink(value, files: allowedFiles) { problems.append("links to '\(value)'") }
            } else if name == "style" || name == "src" {
                problems.append("has a '\(name)' attribute")
            }
            i = close + 1
        }
        return problems
    }

    static func isAllowedLink(_ value: String, files: Set<String>) -> Bool {
        if value.hasPrefix("#") || value.hasPrefix(consolePrefix) { return true }
        let file = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? value
        return files.contains(file)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }
}

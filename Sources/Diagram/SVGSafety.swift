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
        problems(in: Array(svg.utf8), linkableFiles: files)
    }

    /// `problems` on the SVG's bytes. Case-insensitive byte comparisons; a String is made only
    /// for a link's value and for what is reported.
    public static func problems(in bytes: [UInt8], linkableFiles files: Set<String>) -> [String] {
        let allowedFiles = Set(files.map(Href.percentEncoded))
        var problems: [String] = []
        bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            // Elements: `<` then a forbidden name, case-insensitively, anywhere (inside attribute values too).
            var found = [Bool](repeating: false, count: forbiddenElements.count)
            for i in 0..<count where bytes[i] == UInt8(ascii: "<") {
                for (n, element) in forbiddenElements.enumerated() where !found[n] && matches(element, in: bytes, at: i + 1) { found[n] = true }
            }
            var i = 0
            while i < count {
                // An attribute: a space, a name, `="`.
                guard bytes[i] == UInt8(ascii: " ") else { i += 1; continue }
                var end = i + 1
                while end < count, isNameByte(lowered(bytes[end])) { end += 1 }
                guard end > i + 1, end + 1 < count, bytes[end] == UInt8(ascii: "="), bytes[end + 1] == UInt8(ascii: "\"") else { i += 1; continue }
                let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end])
                var close = end + 2
                while close < count, bytes[close] != UInt8(ascii: "\"") { close += 1 }
                let value = { String(decoding: bytes[(end + 2)..<min(close, count)], as: UTF8.self) }
                if name.count >= 2, lowered(name[0]) == UInt8(ascii: "o"), lowered(name[1]) == UInt8(ascii: "n") {
                    problems.append("has an event handler attribute '\(String(decoding: name.map(lowered), as: UTF8.self))'")
                } else if isHref(name) {
                    let link = value()
                    if !isAllowedLink(link, files: allowedFiles) { problems.append("links to '\(link)'") }
                } else if equalsLowered(name, "style") || equalsLowered(name, "src") {
                    problems.append("has a '\(String(decoding: name.map(lowered), as: UTF8.self))' attribute")
                }
                i = close + 1
            }
            // Elements first, in a fixed order.
            let elements = forbiddenElements.indices.filter { found[$0] }.map { "contains a '<\(String(decoding: forbiddenElements[$0], as: UTF8.self))' element" }
            problems.insert(contentsOf: elements, at: 0)
        }
        return problems
    }

    /// The element names refused, lower-case, without the `<`.
    private static let forbiddenElements = ["script", "foreignobject", "iframe", "embed", "object"].map { Array($0.utf8) }

    private static func matches(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for (offset, byte) in name.enumerated() where lowered(bytes[start + offset]) != byte { return false }
        return true
    }

    /// `href` or any `…:href`, case-insensitively.
    private static func isHref(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = name.count
        guard n >= 4, lowered(name[n - 4]) == UInt8(ascii: "h"), lowered(name[n - 3]) == UInt8(ascii: "r"),
              lowered(name[n - 2]) == UInt8(ascii: "e"), lowered(name[n - 1]) == UInt8(ascii: "f") else { return false }
        return n == 4 || name[n - 5] == UInt8(ascii: ":")
    }

    private static func equalsLowered(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard name.count == word.utf8CodeUnitCount else { return false }
        for offset in 0..<name.count where lowered(name[offset]) != word.utf8Start[offset] { return false }
        return true
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
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

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A rectangle in the SVG's user units (points), y growing downwards.
struct Box: Equatable, CustomStringConvertible {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var midX: Double { (minX + maxX) / 2 }

    func contains(_ other: Box, slack: Double = 0.5) -> Bool {
        other.minX >= minX - slack && other.maxX <= maxX + slack && other.minY >= minY - slack && other.maxY <= maxY + slack
    }

    var description: String { "(\(minX), \(minY))–(\(maxX), \(maxY))" }
}

/// What the layout tests read from a Graphviz SVG: each element with an id, its class, and the box
/// of its outline (a cluster's or node's first `path` or `polygon`), in absolute coordinates.
struct SVGGeometry {
    var document: XMLDocument
    var classes: [String: String] = [:]
    var boxes: [String: Box] = [:]
    /// Icons placed with `<use>`: symbol id and box.
    var icons: [(symbol: String, box: Box, owner: String)] = []
    /// `width`/`height` of the root element in points, and the viewBox size.
    var widthPoints: Double = 0, heightPoints: Double = 0
    var viewBox: (width: Double, height: Double) = (0, 0)
    /// The graph group's translation.
    var translate: (x: Double, y: Double) = (0, 0)

    init(svg: String) throws {
        document = try XMLDocument(data: Data(svg.utf8), options: [])
        guard let root = document.rootElement() else { throw GeometryError.noRoot }
        widthPoints = Double(root.attr("width")?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 0
        heightPoints = Double(root.attr("height")?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 0
        let vb = (root.attr("viewBox") ?? "").split(separator: " ").compactMap { Double($0) }
        if vb.count == 4 { viewBox = (vb[2], vb[3]) }
        if let graph = try document.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' graph ')]").first as? XMLElement,
           let transform = graph.attr("transform"), let range = transform.range(of: "translate(") {
            let numbers = SVGGeometry.numbers(in: String(transform[range.upperBound...].prefix { $0 != ")" }))
            if numbers.count == 2 { translate = (numbers[0], numbers[1]) }
        }
        for node in try document.nodes(forXPath: "//*[local-name()='g'][@id]") {
            guard let group = node as? XMLElement, let id = group.attr("id") else { continue }
            classes[id] = group.attr("class") ?? ""
            if let b = SVGGeometry.firstOutline(in: group) {
                boxes[id] = Box(minX: b.minX + translate.x, minY: b.minY + translate.y, maxX: b.maxX + translate.x, maxY: b.maxY + translate.y)
            }
        }
        for node in try document.nodes(forXPath: "//*[local-name()='use']") {
            guard let use = node as? XMLElement, let href = use.attr("href"),
                  let x = Double(use.attr("x") ?? ""), let y = Double(use.attr("y") ?? ""),
                  let w = Double(use.attr("width") ?? ""), let h = Double(use.attr("height") ?? "") else { continue }
            var owner = use.parent
            while let o = owner as? XMLElement, o.attr("class").map({ $0.hasPrefix("node") || $0.hasPrefix("cluster") }) != true { owner = o.parent }
            icons.append((String(href.dropFirst()), Box(minX: x + translate.x, minY: y + translate.y, maxX: x + w + translate.x, maxY: y + h + translate.y),
                          (owner as? XMLElement)?.attr("id") ?? ""))
        }
    }

    enum GeometryError: Error { case noRoot }

    /// Ids of elements whose class list contains `kind`.
    func ids(ofKind kind: String) -> [String] {
        classes.filter { $0.value.split(separator: " ").contains(Substring(kind)) }.map(\.key).sorted()
    }

    /// The outline of a group: its first `path` or `polygon` child (looking inside link wrappers).
    static func firstOutline(in group: XMLElement) -> Box? {
        for child in group.children ?? [] {
            guard let element = child as? XMLElement else { continue }
            switch element.name {
            case "path": return box(numbers(in: element.attr("d") ?? ""))
            case "polygon": return box(numbers(in: element.attr("points") ?? ""))
            case "g", "a": if let inner = firstOutline(in: element) { return inner }
            default: continue
            }
        }
        return nil
    }

    static func box(_ numbers: [Double]) -> Box? {
        guard numbers.count >= 4 else { return nil }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        return Box(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
    }

    static func numbers(in text: String) -> [Double] {
        var result: [Double] = []
        var current = ""
        for ch in text {
            if ch.isNumber || ch == "." || (ch == "-" && current.isEmpty) {
                current.append(ch)
            } else {
                if let v = Double(current) { result.append(v) }
                current = ch == "-" ? "-" : ""
            }
        }
        if let v = Double(current) { result.append(v) }
        return result
    }

    /// The pixel box of a user-space box in an image of the SVG drawn at its own size (96 dpi).
    func pixels(_ box: Box) -> (x: Int, y: Int, width: Int, height: Int) {
        let sx = widthPoints * 4 / 3 / viewBox.width, sy = heightPoints * 4 / 3 / viewBox.height
        let x0 = box.minX * sx, y0 = box.minY * sy
        return (Int(x0.rounded()), Int(y0.rounded()), Int((box.width * sx).rounded()), Int((box.height * sy).rounded()))
    }

    /// The image size in pixels the SVG asks for (CSS px: 96 per inch, 72 points per inch).
    var pixelSize: (width: Int, height: Int) {
        (Int((widthPoints * 4 / 3).rounded()), Int((heightPoints * 4 / 3).rounded()))
    }
}

extension XMLElement {
    /// An attribute's value. (`attribute(forName:)` misses un-prefixed attributes of elements in
    /// the SVG namespace on Linux.)
    func attr(_ name: String) -> String? {
        attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }
}

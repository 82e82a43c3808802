import Diagram
import Foundation
import Pipeline

/// The input libFuzzer hands over, as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the process the way libFuzzer records as a crash, saying why on stderr. Used for broken
/// invariants (malformed SVG, a topology the generator made that does not validate is *not* one).
public func fuzzFailure(_ message: String) -> Never {
    FileHandle.standardError.write(Data("vpcgraph-fuzz: \(message)\n".utf8))
    abort()
}

/// Render options decoded from the first two bytes of an input: view, split mode, theme, links,
/// legend and transparency.
public struct RenderChoice: CustomStringConvertible {
    public var view: DiagramView
    public var split: SplitMode
    public var options: DiagramOptions

    public init(_ first: UInt8, _ second: UInt8) {
        let views = DiagramView.allCases, splits = SplitMode.allCases, themes = Theme.allCases
        view = views[Int(first) % views.count]
        split = splits[Int(first) / views.count % splits.count]
        let links: [LinkTarget] = [.none, .docs("fuzz.md"), .console]
        options = DiagramOptions(links: links[Int(second) % links.count], theme: themes[Int(second) / 3 % themes.count],
                                 transparent: second & 0x40 != 0, legend: second & 0x80 == 0)
    }

    public var description: String {
        "view \(view.rawValue), split \(split.rawValue), theme \(options.theme.rawValue), links \(options.links), legend \(options.legend), transparent \(options.transparent)"
    }
}

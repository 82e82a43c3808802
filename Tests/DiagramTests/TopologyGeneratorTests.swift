import Foundation
import Testing
import TopologyGenerator
import VPCModel
import VPCReaders

/// The generator the generative tests and the render fuzz harness rely on: deterministic, valid
/// output, names that survive YAML, and inputs of any length that end.
@Suite("Topology generator")
struct TopologyGeneratorTests {
    static func errors(_ yaml: String) -> [String] {
        let (topology, diagnostics) = TopologyParser.parse(yaml, file: "generated.yaml")
        let all = diagnostics + (topology?.validate() ?? [])
        return (topology == nil ? ["no topology"] : []) + all.filter { $0.severity == .error }.map(\.description)
    }

    @Test("the same seed gives the same YAML, another seed another")
    func deterministic() {
        #expect(RandomTopology.yaml(seed: 42) == RandomTopology.yaml(seed: 42))
        #expect(RandomTopology.yaml(seed: 42) != RandomTopology.yaml(seed: 43))
    }

    @Test("generated topologies parse and validate without errors", arguments: 1...40)
    func valid(seed: UInt64) {
        let yaml = RandomTopology.yaml(seed: seed)
        #expect(Self.errors(yaml) == [], "seed \(seed)")
    }

    @Test("seeds cover 1 to 40 VPCs in 1 to 3 regions")
    func coverage() {
        var vpcs = Set<Int>(), regions = Set<Int>()
        // Counted in the text (parsing 200 topologies would take half a minute in a debug build);
        // `valid` shows the text is what the parser reads.
        for seed in UInt64(1)...200 {
            let lines = RandomTopology.yaml(seed: seed).split(separator: "\n")
            vpcs.insert(lines.filter { $0.hasPrefix("      - id: \"vpc-") }.count)
            regions.insert(lines.filter { line in RandomTopology.regionNames.contains { line == "  \($0):" } }.count)
        }
        #expect(regions == [1, 2, 3])
        #expect(vpcs.min() == 1 && vpcs.max() == 40)
    }

    @Test("fuzz bytes of any length make a valid topology", arguments: [0, 1, 2, 7, 64, 300, 4096])
    func bytes(count: Int) {
        var entropy = SeededEntropy(seed: UInt64(count))
        let bytes = (0..<count).map { _ in entropy.byte() }
        #expect(Self.errors(RandomTopology.yaml(bytes: bytes, limits: .init(maxVPCs: 12))) == [], "\(count) bytes")
        #expect(Self.errors(RandomTopology.yaml(bytes: Array(repeating: 0xFF, count: count))) == [], "\(count) bytes of 0xff")
    }

    /// Each fragment between two letters: a name that is only U+FEFF reads back empty (the BOM is
    /// dropped when it is all there is), which is about names, not about quoting.
    @Test("every hostile fragment, and a 10,000-character name, reads back from YAML unchanged")
    func quoting() throws {
        var entropy = SeededEntropy(seed: 7)
        let names = HostileText.fragments.map { "a\($0)z" } + [HostileText.fragments.joined(), HostileText.long(&entropy), String(repeating: "\\\"", count: 5_000)]
        #expect(HostileText.long(&entropy).unicodeScalars.count >= 300)
        for name in names {
            let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - {id: vpc-1, name: \(YAMLText.quoted(name)), cidr: 10.0.0.0/16}
            """
            let (topology, diagnostics) = TopologyParser.parse(yaml, file: "t.yaml")
            #expect(diagnostics.isEmpty, "\(name.debugDescription): \(diagnostics)")
            #expect(topology?.regions.first?.vpcs.first?.name == name, "\(name.debugDescription)")
        }
    }

    @Test("the issue's accounts have the VPCs and regions asked for",
          arguments: [(1, 10), (1, 30), (2, 6), (2, 10), (3, 4)])
    func accounts(regions: Int, vpcs: Int) throws {
        let yaml = GeneratedTopology.yaml(regions: regions, vpcsPerRegion: vpcs)
        #expect(Self.errors(yaml) == [])
        let (topology, _) = TopologyParser.parse(yaml, file: "generated.yaml")
        let t = try #require(topology)
        #expect(t.regions.map { $0.vpcs.count } == Array(repeating: vpcs, count: regions))
    }

    @Test("SVGCheck rejects scripts, event handlers, javascript: links and broken XML, and passes a clean SVG")
    func svgCheck() {
        let clean = #"<svg xmlns="http://www.w3.org/2000/svg"><a href="https://x"><text>a &amp; b</text></a></svg>"#
        #expect(SVGCheck.problems(clean) == [])
        #expect(!SVGCheck.problems(#"<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>"#).isEmpty)
        #expect(SVGCheck.problems(#"<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>"#)
            == [#"an event-handler attribute 'onload' on <svg> at line 1"#])
        #expect(SVGCheck.problems(#"<svg xmlns="http://www.w3.org/2000/svg"><a href=" java&#x0A;script:x">y</a></svg>"#)
            == ["a javascript: link on <a> at line 1"])
        #expect(SVGCheck.problems("<svg><text>\u{1}</text></svg>").first?.hasPrefix("not well-formed XML at line 1") == true)
        #expect(SVGCheck.problems("<svg><text>a</svg>").first?.hasPrefix("not well-formed XML") == true)
        #expect(SVGCheck.problems("<svg><text>a</text>").first?.hasPrefix("not well-formed XML") == true)
    }
}

import Diagram
import Foundation
import Graphviz
import Pipeline
import TestSupport
import Testing

@Suite struct DeterminismTests {
    /// Several layouts inside one process, interleaved with other graphs, give the same bytes.
    /// (With Graphviz 2.42's default id discipline subgraph order follows string addresses, and a
    /// later layout can differ from the first.)
    @Test func repeatedInProcessRendersAreIdentical() throws {
        let samples = SampleRendering.samples
        let first = try samples.map { try SampleRendering.render($0) }
        for _ in 0..<3 {
            for (index, sample) in samples.enumerated().reversed() {
                #expect(try SampleRendering.render(sample) == first[index], "\(sample.lastPathComponent)")
            }
        }
    }

    /// Renders from several threads at once are serialised and still identical.
    @Test func concurrentRendersAreIdentical() async throws {
        let sample = try #require(SampleRendering.samples.first)
        let expected = try SampleRendering.render(sample)
        try await withThrowingTaskGroup(of: [String: String].self) { group in
            for _ in 0..<6 { group.addTask { try SampleRendering.render(sample) } }
            for try await result in group { #expect(result == expected) }
        }
    }

    /// Two separate runs of the CLI write byte-identical files.
    @Test func separateRunsWriteIdenticalFiles() throws {
        let a = Paths.temporaryDirectory(), b = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let inputs = SampleRendering.samples.map(\.path)
        #expect(try Run.vpcgraph(["render"] + inputs + ["-o", a.path]).status == 0)
        #expect(try Run.vpcgraph(["render"] + inputs + ["-o", b.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
        #expect(names.count == inputs.count * 3 + 1, "DOT, SVG and Markdown per input, and the manifest")
        for name in names {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name)")
        }
    }

    /// The layout does not depend on the machine's fonts: vpcgraph measures text with Graphviz's
    /// built-in metrics. Run with no fonts at all, it writes the same SVG; `dot` with its pango
    /// plugin does not (which shows the environment change is real).
    @Test func layoutIgnoresInstalledFonts() throws {
        let noFonts = Paths.temporaryDirectory("nofonts")
        let normal = Paths.temporaryDirectory(), bare = Paths.temporaryDirectory()
        defer { for d in [noFonts, normal, bare] { try? FileManager.default.removeItem(at: d) } }
        let config = noFonts.appendingPathComponent("fonts.conf")
        try """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig><dir>\(noFonts.path)</dir><cachedir>\(noFonts.path)/cache</cachedir></fontconfig>
        """.write(to: config, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        let sample = try #require(SampleRendering.samples.first { $0.lastPathComponent == "app-vpc.yaml" })
        #expect(try Run.vpcgraph(["render", sample.path, "-o", normal.path], environment: env).status == 0)
        env["FONTCONFIG_FILE"] = config.path
        #expect(try Run.vpcgraph(["render", sample.path, "-o", bare.path], environment: env).status == 0)
        let svgA = try String(contentsOf: normal.appendingPathComponent("app-vpc.svg"), encoding: .utf8)
        let svgB = try String(contentsOf: bare.appendingPathComponent("app-vpc.svg"), encoding: .utf8)
        #expect(svgA == svgB)

        let dotFile = normal.appendingPathComponent("app-vpc.dot").path
        let withFonts = try Run.process("dot", ["-Tsvg", dotFile])
        let withoutFonts = try Run.process("dot", ["-Tsvg", dotFile], environment: env)
        #expect(withFonts.status == 0 && withoutFonts.status == 0)
        #expect(withFonts.stdout != withoutFonts.stdout, "pango-measured layouts should change with the fonts")
    }

    /// The `dot` program, a real consumer, reads the DOT we write without a complaint.
    @Test func dotProgramParsesOurDOT() throws {
        for sample in SampleRendering.samples {
            let name = Pipeline.baseName(of: sample.path)
            let outputs = try SampleRendering.render(sample, formats: [.dot])
            let result = try Run.process("dot", ["-Tcanon"], input: Data(outputs["\(name).dot"]!.utf8))
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("cluster_vpc_"))
        }
    }

    @Test func svgHasNoGraphvizVersionOrDoctype() throws {
        for sample in SampleRendering.samples {
            let name = Pipeline.baseName(of: sample.path)
            let svg = try #require(try SampleRendering.render(sample)["\(name).svg"])
            #expect(!svg.contains("Generated by graphviz"))
            #expect(!svg.lowercased().contains("graphviz version"))
            #expect(!svg.contains("<!DOCTYPE"))
            #expect(svg.hasPrefix("<?xml"))
        }
    }
}

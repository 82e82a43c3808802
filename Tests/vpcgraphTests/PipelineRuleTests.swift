import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// The pipeline's and templates' rules no other test printed, by their full printed string.
@Suite struct PipelineRuleTests {
    @Test func aTopologyWithoutVPCsIsAnError() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "regions: {}\n".write(to: dir.appendingPathComponent("empty.yaml"), atomically: true, encoding: .utf8)
        let result = try Run.vpcgraph(["check", "empty.yaml"], currentDirectory: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "empty.yaml:1:1: error: the topology has no vpcs; nothing to draw [empty-topology]\n")
    }

    @Test func aTemplateFolderThatCannotBeRead() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = Paths.samples.appendingPathComponent("app-vpc.yaml").path
        let result = try Run.vpcgraph(["render", sample, "--templates", "no-such-folder", "-o", "out"], currentDirectory: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "no-such-folder: error: cannot read template directory [template-io]\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    /// What the last check before writing an SVG says; no input can make vpcgraph write an unsafe SVG
    /// (HardeningTests and the fuzzers try), so the diagnostic is checked on its own.
    @Test func anUnsafeSVGIsRefused() {
        #expect(Pipeline.unsafeSVG("net", ["contains a '<script' element"]).description
                == "net.svg: error: refusing to write 'net.svg': it contains a '<script' element [svg-safety]")
    }
}

import Foundation
import Pipeline
import TestSupport
import Testing

/// `render --jobs N`: layout in worker processes gives the same bytes whatever N, and a worker that
/// dies is an error of the diagrams it did not lay out.
@Suite struct LayoutWorkersTests {
    static let manager = FileManager.default

    @Test func outputsAreByteIdenticalWhateverTheNumberOfJobs() throws {
        let dir = Paths.temporaryDirectory("jobs")
        defer { try? Self.manager.removeItem(at: dir) }
        let generated = try Run.process("python3", [Paths.repository.appendingPathComponent("scripts/generate-topology.py").path, "5"])
        let input = dir.appendingPathComponent("generated.yaml").path
        try generated.stdout.write(toFile: input, atomically: true, encoding: .utf8)
        let inputs = [input] + Paths.sampleFiles().map(\.path)
        var outputs: [[String: Data]] = []
        var stdouts: [String] = [], stderrs: [String] = []
        for jobs in [1, 2, 3, 7] {
            let out = dir.appendingPathComponent("out-\(jobs)").path
            let result = try Run.vpcgraph(["render"] + inputs + ["--view", "vpc", "--format", "dot,svg", "-o", out, "--jobs", "\(jobs)"])
            #expect(result.status == 0, "\(result.stderr)")
            stdouts.append(result.stdout.replacingOccurrences(of: out, with: "OUT"))
            stderrs.append(result.stderr)
            let names = try Self.manager.contentsOfDirectory(atPath: out).sorted()
            outputs.append(Dictionary(uniqueKeysWithValues: names.map { ($0, Self.manager.contents(atPath: out + "/" + $0) ?? Data()) }))
        }
        // 5 + 2 + 4 + 1 VPCs, a DOT and an SVG each, and the manifest.
        #expect(outputs[0].count == 12 * 2 + 1)
        for other in outputs.dropFirst() { #expect(other == outputs[0]) }
        for other in stdouts.dropFirst() { #expect(other == stdouts[0]) }
        for other in stderrs.dropFirst() { #expect(other == stderrs[0]) }
    }

    @Test func aWorkerThatDiesIsAnErrorOfItsDiagramsOnly() {
        let diagrams = [(file: "a.dot", dot: "digraph { a }"), (file: "b.dot", dot: "digraph { b }"), (file: "c.dot", dot: "digraph { c }")]
        let killed = LayoutWorkers(executable: "/bin/sh", arguments: ["-c", "kill -9 $$"], jobs: 2).layout(diagrams)
        #expect(killed.map(\.output) == [nil, nil, nil])
        #expect(killed.flatMap(\.diagnostics).map(\.description) == [
            "a.dot: error: the layout worker was killed by signal 9 before it laid out 'a.dot' [layout-worker]",
            "b.dot: error: the layout worker was killed by signal 9 before it laid out 'b.dot' [layout-worker]",
            "c.dot: error: the layout worker was killed by signal 9 before it laid out 'c.dot' [layout-worker]",
        ])
        let exited = LayoutWorkers(executable: "/bin/sh", arguments: ["-c", "cat >/dev/null; exit 3"], jobs: 3).layout(diagrams)
        #expect(exited[1].diagnostics.map(\.description) == ["b.dot: error: the layout worker exited with status 3 before it laid out 'b.dot' [layout-worker]"])
        let missing = LayoutWorkers(executable: "/nonexistent/vpcgraph", arguments: [], jobs: 2).layout(diagrams)
        #expect(missing.allSatisfy { $0.output == nil && $0.diagnostics.first?.rule == "layout-worker" })
    }

    @Test func realWorkersAnswerLikeTheProcessItself() {
        let diagrams = [(file: "a.dot", dot: "digraph { a -> b }"), (file: "bad.dot", dot: "digraph { a -> }"), (file: "c.dot", dot: "digraph { c }")]
        let workers = LayoutWorkers(executable: Paths.vpcgraph.path, arguments: ["_layout-worker"], jobs: 2).layout(diagrams)
        let local = LayoutWorkers(executable: "/unused", arguments: [], jobs: 1).layout(diagrams)
        #expect(workers.map(\.output) == local.map(\.output))
        #expect(workers.map { $0.diagnostics.map(\.description) } == local.map { $0.diagnostics.map(\.description) })
        #expect(workers[0].output?.contains("<svg") == true)
        #expect(workers[1].output == nil && !workers[1].diagnostics.isEmpty)
    }
}

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

    /// A stand-in worker that speaks the frame protocol (8-byte big-endian length, then the bytes):
    /// it answers each diagram with `<svg>FILE</svg>` and logs `ROLE FILE` to the log file. The first
    /// worker to claim `token` plays `first`, the others `other`: `die-after-1` (answers one diagram,
    /// then takes the next and exits 3 without answering), `slow` (0.3 s a diagram) or `fast`.
    static let fakeWorker = #"""
    import os, sys, time, json
    token, log, first, other = sys.argv[1:5]
    try:
        os.close(os.open(token, os.O_CREAT | os.O_EXCL | os.O_WRONLY)); role = first
    except FileExistsError:
        role = other
    def read(n):
        data = b""
        while len(data) < n:
            chunk = sys.stdin.buffer.read(n - len(data))
            if not chunk: return None
            data += chunk
        return data
    def frame():
        head = read(8)
        return None if head is None else read(int.from_bytes(head, "big"))
    def send(payload):
        sys.stdout.buffer.write(len(payload).to_bytes(8, "big") + payload)
    frame()  # the finishing settings
    answered = 0
    while True:
        name, dot = frame(), frame()
        if name is None or dot is None: break
        if role == "die-after-1" and answered == 1: sys.exit(3)
        if role == "slow": time.sleep(0.3)
        with open(log, "a") as f: f.write(f"{role} {name.decode()}\n")
        send(b"\x01<svg>" + name + b"</svg>")
        send(json.dumps({"diagnostics": [], "problems": []}).encode())
        sys.stdout.flush()
        answered += 1
    with open(log, "a") as f: f.write(f"exit {role}\n")
    """#

    /// Runs `count` diagrams through two fake workers; returns the results and the log's lines.
    func throughFakeWorkers(_ count: Int, first: String, other: String) throws -> (results: [LayoutWorkers.Result], log: [String]) {
        let dir = Paths.temporaryDirectory("fake-workers")
        defer { try? Self.manager.removeItem(at: dir) }
        let script = dir.appendingPathComponent("worker.py").path, log = dir.appendingPathComponent("log").path
        try Self.fakeWorker.write(toFile: script, atomically: true, encoding: .utf8)
        let workers = LayoutWorkers(executable: "/usr/bin/env", arguments: ["python3", script, dir.appendingPathComponent("token").path, log, first, other],
                                    jobs: 2)
        let diagrams = (1...count).map { (file: "d\($0).dot", dot: "digraph { n\($0) }") }
        let results = workers.layout(diagrams)
        let lines = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (results, lines)
    }

    /// A worker that dies mid-run fails only the diagrams it held (at most two: one it was laying
    /// out, one in its pipe); every diagram still waiting in the parent goes to the worker alive,
    /// and each answer lands at its own diagram.
    @Test func whatWaitsWhenAWorkerDiesGoesToTheLiveOne() throws {
        let (results, log) = try throughFakeWorkers(10, first: "die-after-1", other: "slow")
        let failed = results.indices.filter { results[$0].output == nil }
        #expect((1...2).contains(failed.count), "\(failed)")
        for index in failed {
            #expect(results[index].diagnostics.map(\.description)
                == ["d\(index + 1).dot: error: the layout worker exited with status 3 before it laid out 'd\(index + 1).dot' [layout-worker]"])
        }
        for index in results.indices where !failed.contains(index) {
            #expect(results[index].output == "<svg>d\(index + 1).dot</svg>")
            #expect(results[index].diagnostics.isEmpty)
        }
        // The dying worker answered one; the slow one laid out all the rest, those submitted after the death included.
        #expect(log.filter { $0.hasPrefix("die-after-1 ") }.count == 1)
        #expect(log.filter { $0.hasPrefix("slow ") }.count == 10 - 1 - failed.count)
        #expect(log.contains("slow d10.dot"))
    }

    /// Work goes by load, not by turns: a worker that takes 0.3 s a diagram keeps the two it was
    /// handed first (and perhaps one more), a fast one lays out the rest; results stay in order.
    @Test func aFastWorkerTakesMoreThanASlowOne() throws {
        let (results, log) = try throughFakeWorkers(10, first: "slow", other: "fast")
        #expect(results.map(\.output) == (1...10).map { "<svg>d\($0).dot</svg>" })
        let slow = log.filter { $0.hasPrefix("slow ") }.count, fast = log.filter { $0.hasPrefix("fast ") }.count
        #expect(slow + fast == 10)
        #expect(slow <= 3 && fast >= 7, "\(log)")
    }

    /// Workers started ahead (`prepare`) are the session's workers; when the session needs none
    /// (one diagram, laid out here), they are let go and exit.
    @Test func preparedWorkersAreUsedOrLetGo() throws {
        let dir = Paths.temporaryDirectory("prepared-workers")
        defer { try? Self.manager.removeItem(at: dir) }
        let script = dir.appendingPathComponent("worker.py").path, log = dir.appendingPathComponent("log").path
        try Self.fakeWorker.write(toFile: script, atomically: true, encoding: .utf8)
        let workers = LayoutWorkers(executable: "/usr/bin/env", arguments: ["python3", script, dir.appendingPathComponent("token").path, log, "fast", "fast"],
                                    jobs: 2)
        func lines() -> [String] { (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? [] }

        let unused = try #require(workers.prepare())
        let local = workers.start(count: 1, prepared: unused)
        local.submit(file: "a.dot", dot: Array("digraph { a }".utf8))
        local.close()
        #expect(local.result(0).output.map { String(decoding: $0, as: UTF8.self).contains("<svg") } == true, "laid out in this process")
        var waited = 0
        while lines().count < 2 && waited < 200 { usleep(50_000); waited += 1 }
        #expect(lines() == ["exit fast", "exit fast"], "both prepared workers exited without a diagram")

        let used = try #require(workers.prepare())
        let session = workers.start(count: 3, prepared: used)
        for n in 1...3 { session.submit(file: "d\(n).dot", dot: Array("digraph { n\(n) }".utf8)) }
        session.close()
        #expect((0..<3).map { session.result($0).output.map { String(decoding: $0, as: UTF8.self) } } == (1...3).map { "<svg>d\($0).dot</svg>" })
        #expect(lines().filter { $0.hasPrefix("fast d") }.count == 3)
    }
}

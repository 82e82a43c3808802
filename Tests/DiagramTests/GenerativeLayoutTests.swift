import Foundation
import Testing
import TestSupport
import TopologyGenerator

/// Random topologies from a seeded generator (1–3 regions, 1–40 VPCs, peering chains, meshes and
/// hubs, transit gateways with TGW peering, hostile and 10,000-character names), rendered by the
/// built `vpcgraph` in every view and split mode. Every render must either succeed with SVG that
/// is well-formed and script-free, or fail with a diagnostic and write nothing — never die of a
/// signal. Each render runs in a child process: a Graphviz crash (the 2.42 double free, a
/// segfault) would otherwise kill the whole test process and every test after it.
///
/// `VPCGRAPH_GENERATIVE_SEEDS` (default 3) sets how many seeds, `VPCGRAPH_GENERATIVE_FIRST_SEED`
/// (default 1) the first, `VPCGRAPH_GENERATIVE_MAX_VPCS` (default 40) the size bound; `make fuzz`
/// runs more seeds. A failure names the seed and the command that reproduces it.
@Suite("Generative layout")
struct GenerativeLayoutTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seedCount = environment["VPCGRAPH_GENERATIVE_SEEDS"].flatMap(Int.init) ?? 3
    static let firstSeed = environment["VPCGRAPH_GENERATIVE_FIRST_SEED"].flatMap(UInt64.init) ?? 1
    static let maxVPCs = environment["VPCGRAPH_GENERATIVE_MAX_VPCS"].flatMap(Int.init) ?? 40
    static var seeds: [UInt64] { (0..<UInt64(max(0, seedCount))).map { firstSeed + $0 } }

    /// `--split never` draws everything in one graph: past this many VPCs dot takes too long for a test.
    static let maxVPCsUnsplit = 10

    @Test("a random topology renders in every view and split mode, or fails with a diagnostic", arguments: seeds)
    func randomTopology(seed: UInt64) throws {
        let yaml = RandomTopology.yaml(seed: seed, limits: .init(maxVPCs: Self.maxVPCs))
        let vpcCount = yaml.components(separatedBy: "\n      - id: \"vpc-").count - 1
        var runs: [[String]] = [["--view", "full", "--split", "auto"], ["--view", "full", "--split", "always"]]
        if vpcCount <= Self.maxVPCsUnsplit { runs.append(["--view", "full", "--split", "never"]) }
        runs += ["overview", "vpc", "dns"].map { ["--view", $0] }
        for arguments in runs {
            let failure = try Self.render(yaml, name: "seed-\(seed)", arguments: arguments + ["--format", "dot,svg,md"])
            #expect(failure == nil, "seed \(seed) (\(vpcCount) VPCs), \(arguments.joined(separator: " ")): \(failure ?? "")")
        }
    }

    /// The issue's accounts (regions × VPCs), default render: these must simply succeed.
    @Test("the default render of generated accounts succeeds", arguments: [(1, 10), (1, 30), (2, 6), (2, 10), (3, 4)])
    func generatedAccount(regions: Int, vpcs: Int) throws {
        let yaml = GeneratedTopology.yaml(regions: regions, vpcsPerRegion: vpcs)
        let failure = try Self.render(yaml, name: "account-\(regions)x\(vpcs)", arguments: [], mustSucceed: true)
        #expect(failure == nil, "\(regions) regions × \(vpcs) VPCs: \(failure ?? "")")
    }

    /// What the fuzzers and this test found, kept in `Fuzzing/crashes/` (each file says what it does).
    static var reproducers: [String] {
        let folder = Paths.repository.appendingPathComponent("Fuzzing/crashes")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test("each committed reproducer renders in every view, or fails with a diagnostic", arguments: reproducers)
    func reproducer(file: String) throws {
        let yaml = try String(contentsOf: Paths.repository.appendingPathComponent("Fuzzing/crashes/\(file)"), encoding: .utf8)
        for arguments in [["--split", "auto"], ["--split", "always"], ["--view", "overview"], ["--view", "vpc"], ["--view", "dns"]] {
            let failure = try Self.render(yaml, name: String(file.dropLast(5)), arguments: arguments + ["--format", "dot,svg"])
            #expect(failure == nil, "\(file), \(arguments.joined(separator: " ")): \(failure ?? "")")
        }
    }

    /// Renders `yaml` with `vpcgraph render <file> -o <dir> <arguments>` in a child process; nil
    /// when the outcome is acceptable, otherwise what went wrong (the input is kept for a rerun).
    static func render(_ yaml: String, name: String, arguments: [String], mustSucceed: Bool = false) throws -> String? {
        let directory = Paths.temporaryDirectory("generative")
        let input = directory.appendingPathComponent("\(name).yaml"), output = directory.appendingPathComponent("work/out")
        try yaml.write(to: input, atomically: true, encoding: .utf8)
        let command = [Paths.vpcgraph.path, "render", input.path, "-o", output.path] + arguments
        let result = try ChildProcess.run(command)
        let tail = String(result.stderr.suffix(600))
        let kept = " (input kept: \(input.path); rerun: \(command.joined(separator: " ")))"
        switch result.ending {
        case .signal(let signal):
            return "killed by signal \(signal) (\(ChildProcess.signalName(signal))): \(tail)" + kept
        case .exit(let status) where status == 1 && !mustSucceed:
            // A diagnostic, and nothing written.
            guard result.stderr.contains(": error: ") else { return "exit 1 without a diagnostic: \(tail)" + kept }
            let written = (try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []
            guard written.isEmpty else { return "failed with a diagnostic but wrote \(written.sorted().prefix(5))" + kept }
            // Allowed, but worth seeing in the log: how often a generated topology does not render.
            let first = result.stderr.split(separator: "\n").first { $0.contains(": error: ") } ?? ""
            print("generative: \(name) \(arguments.joined(separator: " ")): exit 1: \(first.prefix(300))")
        case .exit(let status) where status != 0:
            return "exit \(status): \(tail)" + kept
        case .exit:
            let files = ((try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []).sorted()
            // Only the output folder and the input may exist: nothing written beside them (a name with '../').
            let around = ((try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0 != input.lastPathComponent && $0 != "work" && $0 != "work/out" && !$0.hasPrefix("work/out/") }
            guard around.isEmpty else { return "wrote outside the output folder: \(around.sorted().prefix(5))" + kept }
            let svgs = files.filter { $0.hasSuffix(".svg") }
            guard !svgs.isEmpty else { return "exit 0 but no SVG written (files: \(files.prefix(5)))" + kept }
            for svg in svgs {
                let text = try String(contentsOf: output.appendingPathComponent(svg), encoding: .utf8)
                let problems = SVGCheck.problems(text)
                if !problems.isEmpty { return "\(svg): \(problems.prefix(3).joined(separator: "; "))" + kept }
            }
        }
        try? FileManager.default.removeItem(at: directory)
        return nil
    }
}

/// A child process whose end is told apart: an exit status, or the signal that killed it
/// (`Run.process` gives only a number, the same for `exit(6)` and SIGABRT).
enum ChildProcess {
    enum Ending: Equatable { case exit(Int32), signal(Int32) }

    static func run(_ command: [String]) throws -> (ending: Ending, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // The Swift runtime's backtracer would spend seconds symbolicating a crash.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: data, as: UTF8.self)
        let status = process.terminationStatus
        return (process.terminationReason == .uncaughtSignal ? .signal(status) : .exit(status), stderr)
    }

    static func signalName(_ signal: Int32) -> String {
        [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV"][signal] ?? "signal \(signal)"
    }
}

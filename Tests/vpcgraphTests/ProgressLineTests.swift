import Foundation
import TestSupport
import Testing

/// Progress on stderr: on a terminal only, after a delay, wiped before the run's own output.
/// The terminal is a real pseudo-terminal, made by util-linux's `script`.
@Suite struct ProgressLineTests {
    /// Runs vpcgraph under a pseudo-terminal; what the terminal showed (stdout and stderr mixed).
    func onTerminal(_ arguments: [String], delay: String) throws -> (status: Int32, screen: String) {
        var env = ProcessInfo.processInfo.environment
        env["VPCGRAPH_PROGRESS_AFTER"] = delay
        env["NO_COLOR"] = "1"
        env["TERM"] = "xterm"
        let command = ([Paths.vpcgraph.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try Run.process("script", ["-q", "-e", "-c", command, "/dev/null"], environment: env)
        return (result.status, result.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test(arguments: ["1", "2"]) func aTerminalSeesEveryDiagramCountedThenAWipedLine(jobs: String) throws {
        let out = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        let run = try onTerminal(["render", sample, "--view", "vpc", "--format", "svg", "--jobs", jobs, "-o", out.path], delay: "0")
        #expect(run.status == 0, "\(run.screen)")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }.count
        #expect(svgs >= 3)
        // The first count always shows, middle ones may be throttled (ten lines a second at most),
        // the last always shows; then the line is wiped before the first "wrote".
        let beforeWrote = run.screen.components(separatedBy: "wrote ").first ?? ""
        #expect(beforeWrote.hasPrefix("\r\u{1B}[Klaying out shared-services: 1/\(svgs) diagrams"))
        #expect(beforeWrote.hasSuffix("\r\u{1B}[Klaying out shared-services: \(svgs)/\(svgs) diagrams\r\u{1B}[K"))
    }

    @Test func aRunShorterThanTheDelayPrintsNothing() throws {
        let out = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        let run = try onTerminal(["render", sample, "--view", "vpc", "--format", "svg", "-o", out.path], delay: "3600")
        #expect(run.status == 0)
        #expect(!run.screen.contains("laying out"))
        #expect(!run.screen.contains("\u{1B}"))
    }

    @Test func aPipeNeverSeesProgress() throws {
        let out = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        var env = ProcessInfo.processInfo.environment
        env["VPCGRAPH_PROGRESS_AFTER"] = "0"
        let result = try Run.vpcgraph(["render", sample, "--view", "vpc", "--format", "svg", "-o", out.path], environment: env)
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }
}

import Foundation
import Testing

/// Golden files under `Tests/MarkdownTests/Fixtures/<case>/`, found through `#filePath` (not the
/// resource bundle, which is a build copy). `UPDATE_GOLDEN=1` rewrites them and fails the test
/// saying so; a mismatch records a unified diff.
enum GoldenFile {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, case name: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = fixtures.appendingPathComponent(name).appendingPathComponent(file)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(actual.utf8).write(to: url)
            Issue.record("rewrote \(url.path) (UPDATE_GOLDEN=1); run again without it", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with UPDATE_GOLDEN=1 to write it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(url.path) differs (UPDATE_GOLDEN=1 rewrites it):\n\(unifiedDiff(expected: expected, actual: actual, name: "\(name)/\(file)"))",
                         sourceLocation: sourceLocation)
        }
    }

    /// `diff -u` of the two texts.
    static func unifiedDiff(expected: String, actual: String, name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vpcgraph-golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("expected"), b = dir.appendingPathComponent("actual")
        try? Data(expected.utf8).write(to: a)
        try? Data(actual.utf8).write(to: b)
        let result = Command.run("/usr/bin/diff", ["-u", "--label", "expected/\(name)", "--label", "actual/\(name)", a.path, b.path])
        return result.stdout
    }
}

/// Runs a program and collects its output.
enum Command {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ path: String, _ arguments: [String], stdin: String? = nil) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        do { try process.run() } catch { return Result(status: -1, stdout: "", stderr: "cannot run \(path): \(error)") }
        // Write and read on separate threads so neither pipe fills up and blocks the other.
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errReader.isExecuting || !errReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

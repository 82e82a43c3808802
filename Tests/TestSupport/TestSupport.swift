import Foundation

/// Paths tests need: the repository, the samples, the built `vpcgraph`.
public enum Paths {
    /// The repository root, found from this file's location (not the build's resource copies).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var samples: URL { repository.appendingPathComponent("samples") }

    public static func sampleFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { samples.appendingPathComponent($0) }
    }

    /// The `vpcgraph` executable built next to the test bundle.
    public static var vpcgraph: URL {
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = exe.deletingLastPathComponent()
        // The test binary may sit inside a bundle folder (x.xctest/...); walk up to the products folder.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("vpcgraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/vpcgraph")
    }

    /// A new empty temporary directory.
    public static func temporaryDirectory(_ label: String = "vpcgraph") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a program and collects what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Run {
    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`.
    public static func process(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                               currentDirectory: URL? = nil, input: Data? = nil) throws -> ProcessResult {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func vpcgraph(_ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
        var env = environment ?? ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        return try process(Paths.vpcgraph.path, arguments, environment: env, currentDirectory: currentDirectory)
    }
}

/// Golden files: `Tests/<Target>/Fixtures/<case>/<file>`. `UPDATE_GOLDEN=1` rewrites them (and the
/// check fails, saying so); a mismatch returns a unified diff.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Nil when `actual` matches the golden file; otherwise what to report.
    public static func mismatch(_ actual: String, file: URL) -> String? {
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if expected == actual { return nil }
        if updating {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return "rewrote golden file \(file.path) (UPDATE_GOLDEN=1); run the tests again without it"
        }
        guard let expected else { return "golden file \(file.path) is missing; run with UPDATE_GOLDEN=1 to create it" }
        return "output differs from \(file.lastPathComponent):\n" + unifiedDiff(expected, actual)
    }

    public static func unifiedDiff(_ a: String, _ b: String) -> String {
        let dir = Paths.temporaryDirectory("golden-diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let left = dir.appendingPathComponent("expected"), right = dir.appendingPathComponent("actual")
        try? a.write(to: left, atomically: true, encoding: .utf8)
        try? b.write(to: right, atomically: true, encoding: .utf8)
        let result = try? Run.process("diff", ["-u", left.path, right.path])
        let text = result?.stdout ?? "(diff failed)"
        return text.count > 20_000 ? String(text.prefix(20_000)) + "\n…(diff cut)" : text
    }
}

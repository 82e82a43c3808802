import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `moto_server` on a free loopback port, for tests that talk to a real AWS API server.
/// `stop()` ends it (and `withMotoServer` always calls it).
final class MotoServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    let logPath: String

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The environment for AWS CLI and boto3 calls to this server: dummy credentials, no config files.
    func environment(base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var env = base.filter { !$0.key.hasPrefix("AWS_") }
        env["AWS_ENDPOINT_URL"] = endpoint
        env["AWS_ACCESS_KEY_ID"] = "testing"
        env["AWS_SECRET_ACCESS_KEY"] = "testing"
        env["AWS_DEFAULT_REGION"] = "eu-west-1"
        env["AWS_CONFIG_FILE"] = "/dev/null"
        env["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        return env
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    private init(port: Int, process: Process, logPath: String) {
        self.port = port
        self.process = process
        self.logPath = logPath
    }

    /// Starts `moto_server` from PATH and waits until it accepts connections.
    static func start() throws -> MotoServer {
        guard let executable = Tools.find("moto_server") else {
            throw StartError(description: "moto_server is not in PATH: pip install 'moto[server]' awscli")
        }
        var lastError = ""
        for _ in 0..<3 {
            let port = try freePort()
            let log = NSTemporaryDirectory() + "moto-\(port)-\(UUID().uuidString).log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-H", "127.0.0.1", "-p", "\(port)"]
            process.standardOutput = FileHandle(forWritingAtPath: log)
            process.standardError = FileHandle(forWritingAtPath: log)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let server = MotoServer(port: port, process: process, logPath: log)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline && process.isRunning {
                if canConnect(port: port) { return server }
                usleep(100_000)
            }
            server.stop()
            lastError = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        throw StartError(description: "moto_server did not start: \(lastError.suffix(2000))")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// A port the kernel has just handed out on 127.0.0.1 and that is free again.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw StartError(description: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// Runs `body` with a started moto server, stopping it whatever happens.
func withMotoServer<T>(_ body: (MotoServer) async throws -> T) async throws -> T {
    let server = try MotoServer.start()
    defer { server.stop() }
    return try await body(server)
}

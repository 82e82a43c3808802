#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads one input file (a topology, an AWS CLI output, a template) with a size bound, so that a huge
/// or endless file is refused with a diagnostic instead of filling the memory: the size is checked
/// before reading (`fstat`), and the read itself stops one byte past the bound in case the file
/// grows meanwhile or is not a regular file (a pipe, `/dev/zero`).
public enum InputFile {
    /// The largest input vpcgraph reads: 64 MiB (67,108,864 bytes), documented in the README.
    public static let maximumSize = 64 << 20

    /// The file's bytes; `limit` is for tests.
    public static func read(_ path: String, limit: Int = maximumSize) throws(InputFileError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InputFileError(errno: errno, limit: limit) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw InputFileError(errno: errno, limit: limit) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > limit { throw .tooLarge(size: Int(info.st_size), limit: limit) }
        // One byte more than the file should hold, to see the end (or that it grew).
        var data = Data(count: min(max(Int(info.st_size), 0), limit) + 1)
        var count = 0
        while true {
            if count == data.count {
                if count > limit { throw .tooLarge(size: nil, limit: limit) }
                data.count += min(max(count, 1 << 16), limit + 1 - count)
            }
            let got = data.withUnsafeMutableBytes { buffer in
                readSome(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputFileError(errno: errno, limit: limit)
            }
            if got == 0 { break }
            count += got
            if count > limit { throw .tooLarge(size: nil, limit: limit) }
        }
        data.count = count
        return data
    }
}

private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Why an input could not be read.
public enum InputFileError: Error, Equatable, Sendable {
    case missing
    case isDirectory
    /// `size` is nil when the file grew past the bound while it was read (or is not a regular file).
    case tooLarge(size: Int?, limit: Int)
    /// Any other failure, in words (`strerror`).
    case unreadable(String)

    init(errno code: Int32, limit: Int) {
        switch code {
        case ENOENT: self = .missing
        case EISDIR: self = .isDirectory
        case EFBIG, EOVERFLOW: self = .tooLarge(size: nil, limit: limit)
        default: self = .unreadable(String(cString: strerror(code)))
        }
    }

    /// The rule id of diagnostics about a too-large input.
    public static let tooLargeRule = "input-too-large"

    /// What went wrong with `path`, as a diagnostic message: `'big.yaml' is 70.0 MiB; vpcgraph reads
    /// inputs of at most 64 MiB`.
    public func message(path: String) -> String {
        switch self {
        case .missing: "no such file '\(path)'"
        case .isDirectory: "cannot read '\(path)': Is a directory"
        case .unreadable(let reason): "cannot read '\(path)': \(reason)"
        case .tooLarge(let size, let limit):
            "'\(path)' is \(size.map { InputFileError.size($0, limit: limit) } ?? "more than \(InputFileError.mebibytes(limit, decimals: false))"); "
                + "vpcgraph reads inputs of at most \(InputFileError.mebibytes(limit, decimals: false))"
        }
    }

    /// `70.0 MiB`; in bytes when that would read like the limit itself (`67108865 bytes`).
    static func size(_ bytes: Int, limit: Int) -> String {
        let shown = mebibytes(bytes, decimals: true)
        return shown == mebibytes(limit, decimals: true) ? "\(bytes) bytes" : shown
    }

    static func mebibytes(_ bytes: Int, decimals: Bool) -> String {
        let value = Double(bytes) / Double(1 << 20)
        if !decimals && value == value.rounded() { return "\(Int(value)) MiB" }
        return String(format: "%.1f MiB", value)
    }
}

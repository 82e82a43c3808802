#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folder a snapshot is assembled in, next to the output: an unpredictable name made by
/// `mkdtemp` (so mode 0700 from its creation, and never a folder or link someone made before),
/// files created 0600 with `O_EXCL | O_NOFOLLOW`. `publish` gives them their final modes and
/// swaps the folder in; `discard` removes it. Saving, `publish` and `discard` take one lock, so a
/// signal's `discard` never races a write or a half-done swap.
final class StagingFolder: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private enum State { case collecting, published, discarded }
    private var state = State.collecting
    /// What was written, relative to `path`: folders in the order they were made, and files.
    private var folders: [String] = []
    private var files: [String] = []

    /// Makes `<output>.partial-XXXXXX` next to `output` (and the folders above it if needed).
    init(nextTo output: String) throws {
        let parent = (output as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        guard let made = Self.makePrivateFolder(output + ".partial-") else {
            throw CollectError.cannotWrite(path: output + ".partial-XXXXXX")
        }
        path = made
    }

    /// Writes one output, `name` relative to the snapshot (`eu-west-1/describe-vpcs.json`).
    func save(_ bytes: [UInt8], as name: String) throws {
        try lock.withLock {
            guard state == .collecting else { throw CollectError.interrupted }
            let parts = name.split(separator: "/").map(String.init)
            var relative = ""
            for folder in parts.dropLast() {
                relative += (relative.isEmpty ? "" : "/") + folder
                if folders.contains(relative) { continue }
                guard mkdir(path + "/" + relative, 0o700) == 0 || errno == EEXIST else { throw CollectError.cannotWrite(path: path + "/" + relative) }
                folders.append(relative)
            }
            let file = path + "/" + name
            let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CollectError.cannotWrite(path: file) }
            var written = 0
            let complete = bytes.withUnsafeBytes { raw -> Bool in
                while written < raw.count {
                    let n = write(fd, raw.baseAddress! + written, raw.count - written)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    written += n
                }
                return true
            }
            guard close(fd) == 0 && complete else { throw CollectError.cannotWrite(path: file) }
            files.append(name)
        }
    }

    /// Removes the folder, unless it was published. Later writes fail with `.interrupted`.
    /// Returns false when the snapshot had already been published.
    @discardableResult
    func discard() -> Bool {
        lock.withLock {
            switch state {
            case .published: return false
            case .discarded: return true
            case .collecting:
                state = .discarded
                try? FileManager.default.removeItem(atPath: path)
                return true
            }
        }
    }

    /// Gives every file and folder its final mode (0666 and 0777 less the umask, what any program
    /// writing them would give: the secrets are gone, and the snapshot is for other tools and
    /// people to read), then puts the folder at `output`, replacing what was there. The old one is
    /// first moved into a fresh private folder, and put back if the swap fails; it is removed only
    /// when the new snapshot is in place.
    func publish(to output: String) throws {
        try lock.withLock {
            guard state == .collecting else { throw CollectError.interrupted }
            let (fileMode, folderMode) = try finalModes()
            for file in files { guard chmod(path + "/" + file, fileMode) == 0 else { throw CollectError.cannotWrite(path: path + "/" + file) } }
            for folder in folders.reversed() { guard chmod(path + "/" + folder, folderMode) == 0 else { throw CollectError.cannotWrite(path: path + "/" + folder) } }
            guard chmod(path, folderMode) == 0 else { throw CollectError.cannotWrite(path: path) }

            var existing = stat()
            if lstat(output, &existing) != 0 {
                guard rename(path, output) == 0 else { throw CollectError.cannotWrite(path: output) }
                state = .published
                return
            }
            guard let holder = Self.makePrivateFolder(output + ".previous-") else {
                throw CollectError.cannotWrite(path: output)
            }
            let old = holder + "/previous"
            guard rename(output, old) == 0 else {
                rmdir(holder)
                throw CollectError.cannotWrite(path: output)
            }
            guard rename(path, output) == 0 else {
                rename(old, output)
                rmdir(holder)
                throw CollectError.cannotWrite(path: output)
            }
            state = .published
            try? FileManager.default.removeItem(atPath: holder)
        }
    }

    /// The modes a new file and folder get under the current umask, read by making a folder in
    /// the private staging folder (reading the umask with `umask()` means setting it, for every
    /// thread of the process).
    private func finalModes() throws -> (mode_t, mode_t) {
        let probe = path + "/.umask"
        guard mkdir(probe, 0o777) == 0 else { throw CollectError.cannotWrite(path: probe) }
        defer { rmdir(probe) }
        var info = stat()
        guard stat(probe, &info) == 0 else { throw CollectError.cannotWrite(path: probe) }
        let folderMode = info.st_mode & 0o777
        return (folderMode & 0o666, folderMode)
    }

    /// `mkdtemp`: a new folder `<prefix>XXXXXX`, mode 0700, that did not exist before.
    static func makePrivateFolder(_ prefix: String) -> String? {
        var template = Array((prefix + "XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a set of files into one folder, all or nothing: after a failure every file of the set is
/// as it was before the run (byte for byte, the very same file), and no temporary file is left.
///
/// How:
/// 1. Every name is checked to be a plain file name (one path component: no `/`, no NUL, not `.`
///    or `..`, not the temporary prefix), so nothing is written outside the folder.
/// 2. The folder is created if missing, opened, and locked (`flock`) against other vpcgraph runs;
///    leftovers of an interrupted run (files named `.vpcgraph-tmp-` + 32 hex digits, and only those)
///    are removed.
/// 3. Each file is written to a new temporary `.vpcgraph-tmp-<32 random hex digits>` in the folder,
///    created with `O_CREAT|O_EXCL|O_NOFOLLOW` (a file or symlink planted at that name is never
///    opened; another name is drawn), then `fsync`ed and closed.
/// 4. Each temporary is renamed over its target. An existing target is first hard-linked to a backup
///    temporary (renamed aside where the file system has no hard links), so it can be put back.
/// 5. On any failure the targets already replaced get their old files back (the backup is renamed
///    over them) or are removed (when they did not exist), and every temporary is removed.
///
/// A target that is a symlink is replaced by the new file: the link goes, the file it pointed to is
/// not touched. A target that is a folder is an error before anything is written. Existing files
/// are only ever renamed, never opened for writing.
public struct FileSetWriter: Sendable {
    /// What every temporary file's name starts with.
    public static let temporaryPrefix = ".vpcgraph-tmp-"
    /// Hex digits after the prefix (128 random bits).
    static let randomDigits = 32

    /// A step that a test can make fail (`faults`).
    public enum Step: String, Sendable {
        /// Creating a temporary for a target.
        case create
        /// Writing (and syncing) a target's temporary.
        case write
        /// Keeping an existing target aside as a backup.
        case backup
        /// Renaming a temporary over its target.
        case rename
    }

    /// For tests: called before each step with the target's name (or, for `.create`, the temporary's
    /// name, so a test can plant something there first); a non-nil result is the errno the step fails with.
    public var faults: (@Sendable (Step, String) -> Int32?)?

    public init(faults: (@Sendable (Step, String) -> Int32?)? = nil) {
        self.faults = faults
    }

    /// Does `name` have vpcgraph's temporary pattern (prefix and exactly 32 lower-case hex digits)?
    public static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix) else { return false }
        let digits = name.utf8.dropFirst(temporaryPrefix.utf8.count)
        return digits.count == randomDigits && digits.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Is `name` one path component vpcgraph may write?
    public static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.utf8.contains(0)
            && !name.hasPrefix(temporaryPrefix)
    }

    /// Writes `files` (name, bytes) into `directory`, created if missing unless `creatingFolder` is
    /// false ("": the current folder, and the paths are shown as bare names). With `replacing` false, a
    /// target that exists already is a problem (reported before anything is written, and checked
    /// again atomically when each file is put in place). Returns the paths written
    /// (`directory/name`, as given), in the order of `files`.
    ///
    /// With `keepingUnchanged`, a target that is a regular file holding exactly the new bytes is left
    /// alone (same inode, same mtime) and is not in the result. `removing` names files of the folder
    /// to remove in the same transaction (missing ones are skipped; a failure puts them back).
    @discardableResult
    public func write(_ files: [(name: String, data: Data)], into directory: String, replacing: Bool = true,
                      creatingFolder: Bool = true, keepingUnchanged: Bool = false,
                      removing: [String] = []) throws(FileWriteError) -> [String] {
        var folder = directory
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        func shown(_ name: String) -> String { folder.isEmpty ? name : folder == "/" ? "/" + name : "\(folder)/\(name)" }
        let opened = folder.isEmpty ? "." : folder

        // 1. Names.
        var seen = Set<String>()
        var problems: [FileWriteProblem] = []
        for file in files {
            if !Self.isPlainFileName(file.name) || !seen.insert(file.name).inserted {
                let what = Self.isPlainFileName(file.name) ? "is given twice" : "is not a plain file name"
                problems.append(FileWriteProblem(kind: .invalidName, path: opened,
                                                 message: "internal error: output file name '\(Self.printable(file.name))' \(what); nothing was written"))
            }
        }
        for name in removing where !Self.isPlainFileName(name) || seen.contains(name) {
            problems.append(FileWriteProblem(kind: .invalidName, path: opened,
                                             message: "internal error: file name to remove '\(Self.printable(name))' is not a plain file name or is also written; nothing was written"))
        }
        if !problems.isEmpty { throw FileWriteError(problems: problems) }

        // 2. The folder, its lock, leftovers.
        // Folders this run created are removed again (when still empty) if the set is not written.
        let created = creatingFolder ? try Self.createDirectory(opened) : []
        var written = false
        defer { if !written { for folder in created.reversed() { rmdir(folder) } } }
        let dir = open(opened, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir < 0 {
            let code = errno
            if !creatingFolder, let first = files.first {
                throw .one(.failed, shown(first.name), "cannot write '\(shown(first.name))': \(Self.reason(code))")
            }
            throw .one(.failed, opened, "cannot open folder '\(opened)': \(Self.reason(code))")
        }
        defer { close(dir) }
        if flock(dir, LOCK_EX) == 0 {
            // Only under the lock: a temporary seen now belongs to no running vpcgraph.
            Self.removeLeftovers(in: dir)
        }

        // Targets: a folder in the way, or an existing file when not replacing, stops everything now.
        var unchanged = Set<String>()
        for file in files {
            var info = stat()
            if fstatat(dir, file.name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                if keepingUnchanged && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == file.data.count
                    && Self.contents(of: file.name, in: dir, size: file.data.count) == file.data {
                    unchanged.insert(file.name)
                } else if (info.st_mode & S_IFMT) == S_IFDIR {
                    problems.append(FileWriteProblem(kind: .failed, path: shown(file.name),
                                                     message: "cannot write '\(shown(file.name))': it is a folder; nothing was written"))
                } else if !replacing {
                    problems.append(FileWriteProblem(kind: .exists, path: shown(file.name), message: "'\(shown(file.name))' already exists"))
                }
            } else if errno != ENOENT {
                problems.append(FileWriteProblem(kind: .failed, path: shown(file.name),
                                                 message: "cannot write '\(shown(file.name))': \(Self.reason(errno)); nothing was written"))
            }
        }
        if !problems.isEmpty { throw FileWriteError(problems: problems) }

        var transaction = Transaction(dir: dir, faults: faults)
        do throws(StepFailure) {
            // 3. Temporaries.
            try transaction.stage(files.filter { !unchanged.contains($0.name) })
            // 4. Into place.
            for file in files where !unchanged.contains(file.name) { try transaction.commit(file.name, replacing: replacing) }
            for name in removing { try transaction.remove(name) }
        } catch {
            // 5. Back to how it was.
            let failures = transaction.rollBack()
            var message = "cannot write '\(shown(error.name))': \(error.reason)"
            if error.code == EEXIST && !replacing {
                throw .one(.exists, shown(error.name), "'\(shown(error.name))' already exists")
            }
            message += failures.isEmpty ? "; nothing was written"
                : "; could not restore " + failures.map { "'\(shown($0.name))' (\($0.reason))" }.joined(separator: ", ")
            throw .one(.failed, shown(error.name), message)
        }
        transaction.finish()
        written = true
        return files.filter { !unchanged.contains($0.name) }.map { shown($0.name) }
    }

    /// The bytes of regular file `name` in `dir` when it has `size` bytes (never follows a link).
    static func contents(of name: String, in dir: Int32, size: Int) -> Data? {
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data = Data(count: size)
        let complete = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            var offset = 0
            while offset < size {
                let done = read(fd, buffer.baseAddress! + offset, size - offset)
                if done < 0 && errno == EINTR { continue }
                if done <= 0 { return false }
                offset += done
            }
            var extra: UInt8 = 0
            return read(fd, &extra, 1) == 0
        }
        return complete ? data : nil
    }

    /// A name as it can be printed in a diagnostic (NUL and other controls escaped).
    static func printable(_ name: String) -> String {
        name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\u{%X}", $0.value) : String($0) }.joined()
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `mkdir -p`, with errors in words. Returns the folders it created, outermost first.
    static func createDirectory(_ path: String) throws(FileWriteError) -> [String] {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return [] }
            throw .one(.failed, path, "cannot create folder '\(path)': \(reason(ENOTDIR))")
        }
        var created: [String] = []
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o777) == 0 {
                created.append(prefix)
            } else if errno != EEXIST {
                let code = errno
                for folder in created.reversed() { rmdir(folder) }
                throw .one(.failed, path, "cannot create folder '\(path)': \(reason(code))")
            }
        }
        if stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
            for folder in created.reversed() { rmdir(folder) }
            throw .one(.failed, path, "cannot create folder '\(path)': \(reason(ENOTDIR))")
        }
        return created
    }

    /// Removes every entry of `dir` named like a temporary (files and symlinks: unlink never follows
    /// a link nor removes a folder).
    static func removeLeftovers(in dir: Int32) {
        let copy = dup(dir)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return
        }
        defer { closedir(stream) }
        var leftovers: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if isTemporaryName(name) { leftovers.append(name) }
        }
        for name in leftovers { unlinkat(dir, name, 0) }
    }

    /// A new temporary name: the prefix and 128 bits from the system's random source.
    static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var name = temporaryPrefix
        for _ in 0..<2 {
            let value: UInt64 = generator.next()
            for shift in stride(from: 60, through: 0, by: -4) { name.append(Character(UnicodeScalar(digits[Int((value >> UInt64(shift)) & 0xF)]))) }
        }
        return name
    }
}

/// `body(0) … body(count - 1)` on up to `lanes` threads (the calling one among them), each taking
/// the next index when it is free; the results in index order.
func inParallel<T>(_ count: Int, lanes: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let threads = min(lanes, count)
    guard threads > 1 else { return (0..<count).map(body) }
    let shared = ParallelResults<T>(count)
    let lane: @Sendable () -> Void = {
        while true {
            let index = shared.lock.withLock {
                defer { shared.next += 1 }
                return shared.next
            }
            guard index < count else { return }
            let result = body(index)
            shared.lock.withLock { shared.results[index] = result }
        }
    }
    let done = DispatchGroup()
    for _ in 1..<threads {
        done.enter()
        Thread {
            lane()
            done.leave()
        }.start()
    }
    lane()
    done.wait()
    return shared.results.map { $0! }
}

/// What the threads of `inParallel` share, behind its lock.
private final class ParallelResults<T>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [T?]
    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}

/// One failed system call: for which target, and why.
struct StepFailure: Error {
    var name: String
    var code: Int32
    var reason: String { FileSetWriter.reason(code) }
}

/// The files of one `write`, staged and committed, and how to undo each step.
private struct Transaction {
    let dir: Int32
    let faults: (@Sendable (FileSetWriter.Step, String) -> Int32?)?
    /// Temporaries not yet in place, by target name.
    var staged: [String: String] = [:]
    /// Targets put in place, in order, with the backup of the file they replaced (nil: there was none).
    var committed: [(name: String, backup: String?)] = []

    init(dir: Int32, faults: (@Sendable (FileSetWriter.Step, String) -> Int32?)?) {
        self.dir = dir
        self.faults = faults
    }

    func fault(_ step: FileSetWriter.Step, _ name: String) -> Int32? { faults?(step, name) }

    /// Creates a new file with a temporary name that nothing had: a planted file or symlink makes
    /// `O_EXCL` fail and another name is drawn.
    func createTemporary(for name: String) throws(StepFailure) -> (name: String, fd: Int32) {
        for _ in 0..<16 {
            let temporary = FileSetWriter.randomName()
            if let code = fault(.create, temporary) { throw StepFailure(name: name, code: code) }
            let fd = openat(dir, temporary, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o644)
            if fd >= 0 { return (temporary, fd) }
            if errno != EEXIST { throw StepFailure(name: name, code: errno) }
        }
        throw StepFailure(name: name, code: EEXIST)
    }

    /// A new name for a backup: a hard link (or, failing that, a rename) of `name`.
    func keepAside(_ name: String) throws(StepFailure) -> String {
        if let code = fault(.backup, name) { throw StepFailure(name: name, code: code) }
        for _ in 0..<16 {
            let backup = FileSetWriter.randomName()
            if linkat(dir, name, dir, backup, 0) == 0 { return backup }
            switch errno {
            case EEXIST: continue
            case EPERM, EMLINK, EOPNOTSUPP, EXDEV:
                // No hard links here: rename the old file aside (the target is missing for a moment).
                if renameat(dir, name, dir, backup) == 0 { return backup }
                if errno == EEXIST { continue }
                throw StepFailure(name: name, code: errno)
            default: throw StepFailure(name: name, code: errno)
            }
        }
        throw StepFailure(name: name, code: EEXIST)
    }

    /// How many files are staged at once.
    static let lanes = 8

    /// Stages `files` (step 3), several at a time: each one's create, write and `fsync` is
    /// independent of the others', and `fsync` mostly waits for the disk (401 files took 0.24 s one
    /// at a time here, 0.08 s eight at a time). Every temporary created is recorded for `rollBack`;
    /// a failure is reported for the first failing file in the set's order, whichever failed first.
    mutating func stage(_ files: [(name: String, data: Data)]) throws(StepFailure) {
        let transaction = self
        let outcomes = inParallel(files.count, lanes: Self.lanes) { index in transaction.stageOne(files[index].name, files[index].data) }
        for (file, outcome) in zip(files, outcomes) where outcome.temporary != nil { staged[file.name] = outcome.temporary }
        if let failure = outcomes.lazy.compactMap(\.failure).first { throw failure }
    }

    /// Writes `data` to a new temporary for `name`, syncs and closes it: the temporary's name when it
    /// was created (even if a later step failed), and the failure if any.
    func stageOne(_ name: String, _ data: Data) -> (temporary: String?, failure: StepFailure?) {
        let temporary: String, fd: Int32
        do throws(StepFailure) {
            (temporary, fd) = try createTemporary(for: name)
        } catch {
            return (nil, error)
        }
        var failure: Int32? = fault(.write, name)
        if failure == nil {
            failure = data.withUnsafeBytes { buffer -> Int32? in
                var offset = 0
                while offset < buffer.count {
                    let done = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if done < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += done
                }
                return nil
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == nil { failure = errno }
        return (temporary, failure.map { StepFailure(name: name, code: $0) })
    }

    mutating func commit(_ name: String, replacing: Bool) throws(StepFailure) {
        guard let temporary = staged[name] else { return }
        if !replacing {
            // link fails when the target exists: never replaces a file that appeared meanwhile.
            if let code = fault(.rename, name) { throw StepFailure(name: name, code: code) }
            if linkat(dir, temporary, dir, name, 0) != 0 { throw StepFailure(name: name, code: errno) }
            committed.append((name, nil))
            staged[name] = nil
            unlinkat(dir, temporary, 0)
            return
        }
        var info = stat()
        let backup = fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? try keepAside(name) : nil
        var code = fault(.rename, name)
        if code == nil && renameat(dir, temporary, dir, name) != 0 { code = errno }
        if let code {
            if let backup {
                // Put the old file back (if it was renamed aside) or drop the spare link.
                if fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) != 0 { renameat(dir, backup, dir, name) } else { unlinkat(dir, backup, 0) }
            }
            throw StepFailure(name: name, code: code)
        }
        committed.append((name, backup))
        staged[name] = nil
    }

    /// Moves `name` aside (a backup put back by `rollBack`, dropped by `finish`); a missing file is skipped.
    mutating func remove(_ name: String) throws(StepFailure) {
        var info = stat()
        guard fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StepFailure(name: name, code: EISDIR) }
        if let code = fault(.backup, name) { throw StepFailure(name: name, code: code) }
        for _ in 0..<16 {
            let backup = FileSetWriter.randomName()
            // renameat would replace a file planted at the backup name: link first (fails when it exists).
            if linkat(dir, name, dir, backup, 0) == 0 {
                if unlinkat(dir, name, 0) != 0 {
                    let code = errno
                    unlinkat(dir, backup, 0)
                    throw StepFailure(name: name, code: code)
                }
                committed.append((name, backup))
                return
            }
            switch errno {
            case EEXIST: continue
            case EPERM, EMLINK, EOPNOTSUPP, EXDEV:
                if renameat(dir, name, dir, backup) == 0 {
                    committed.append((name, backup))
                    return
                }
                throw StepFailure(name: name, code: errno)
            default: throw StepFailure(name: name, code: errno)
            }
        }
        throw StepFailure(name: name, code: EEXIST)
    }

    /// Undoes every commit, newest first, and removes the temporaries. Returns what could not be restored.
    mutating func rollBack() -> [StepFailure] {
        var failures: [StepFailure] = []
        for (name, backup) in committed.reversed() {
            let failed = backup.map { renameat(dir, $0, dir, name) != 0 } ?? (unlinkat(dir, name, 0) != 0)
            if failed { failures.append(StepFailure(name: name, code: errno)) }
        }
        committed.removeAll()
        for temporary in staged.values { unlinkat(dir, temporary, 0) }
        staged.removeAll()
        return failures
    }

    /// After the last rename: makes the renames durable and drops the backups.
    mutating func finish() {
        fsync(dir)
        for case let (_, backup?) in committed { unlinkat(dir, backup, 0) }
        committed.removeAll()
    }
}

/// Why a set of files was not written: each problem with the path it is about.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var problems: [FileWriteProblem]

    public init(problems: [FileWriteProblem]) { self.problems = problems }

    static func one(_ kind: FileWriteProblem.Kind, _ path: String, _ message: String) -> FileWriteError {
        FileWriteError(problems: [FileWriteProblem(kind: kind, path: path, message: message)])
    }

    public var description: String { problems.map(\.message).joined(separator: "\n") }
}

public struct FileWriteProblem: Equatable, Sendable {
    public enum Kind: Sendable {
        /// A name that is not one plain path component: a bug in vpcgraph, not in the input.
        case invalidName
        /// The target exists and the writer was asked not to replace it.
        case exists
        /// A system call failed (the message says which path and why).
        case failed
    }

    public var kind: Kind
    /// The file (or folder) the problem is about, as the user gave it.
    public var path: String
    /// The whole message, e.g. `cannot write 'out/x.svg': Permission denied; nothing was written`.
    public var message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }
}

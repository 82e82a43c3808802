import FileAccess
import Foundation
import Pipeline
import TestSupport
import Testing

/// The writer itself: names, symlinks, leftovers, and a failure in the middle of a set (injected,
/// since tests run as root and permission bits do not stop root).
@Suite struct FileSetWriterTests {
    static let manager = FileManager.default

    /// Every entry of `dir`, hidden ones included, sorted.
    static func listing(_ dir: String) -> [String] {
        ((try? manager.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func contents(_ path: String) -> Data? { manager.contents(atPath: path) }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// A temporary name (the pattern) with the given 32 digits.
    static func temporaryName(_ digit: Character = "0") -> String { FileSetWriter.temporaryPrefix + String(repeating: digit, count: 32) }

    func problems(_ work: () throws -> Void) -> [FileWriteProblem] {
        do {
            try work()
            return []
        } catch let error as FileWriteError {
            return error.problems
        } catch {
            return [FileWriteProblem(kind: .failed, path: "", message: "unexpected \(error)")]
        }
    }

    @Test func namesThatLeaveTheFolderAreRefusedAndNothingIsWritten() throws {
        let root = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: root) }
        let out = root + "/a/b/out"
        for name in ["vpc-1/../../escaped", "..", ".", "", "a\u{0}b", "/etc/passwd", Self.temporaryName(), FileSetWriter.temporaryPrefix + "x"] {
            let found = problems { try FileSetWriter().write([("ok.md", Data("ok".utf8)), (name, Data("x".utf8))], into: out) }
            let shown = name.replacingOccurrences(of: "\u{0}", with: "\\u{0}")
            #expect(found == [FileWriteProblem(kind: .invalidName, path: out,
                                               message: "internal error: output file name '\(shown)' is not a plain file name; nothing was written")])
        }
        let twice = problems { try FileSetWriter().write([("x.md", Data()), ("x.md", Data())], into: out) }
        #expect(twice.map(\.message) == ["internal error: output file name 'x.md' is given twice; nothing was written"])
        #expect(Self.listing(root) == [], "not even the folder was created")
        // Through the pipeline's writer, as the CLI prints it.
        do {
            try OutputWriter.write([OutputFile(fileName: "vpc-1/../../escaped", contents: "x")], to: out)
            Issue.record("the name was accepted")
        } catch {
            #expect(OutputWriter.diagnostics(error).map(\.description)
                == ["\(out): error: internal error: output file name 'vpc-1/../../escaped' is not a plain file name; nothing was written [output-name]"])
        }
        #expect(Self.listing(root) == [])
    }

    /// 25 old files; the new set replaces them and adds 5. `fail` makes one step fail for one target.
    func failedSetLeavesTheOldOne(step: FileSetWriter.Step, at failing: String, code: Int32, reason: String) throws {
        let out = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: out) }
        let old = (1...25).map { (name: String(format: "f%02d.svg", $0), data: Data("old \($0)\n".utf8)) }
        try FileSetWriter().write(old, into: out)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/.keep"))
        let before = Self.listing(out)
        let inodes = before.map { Self.inode(out + "/" + $0) }
        let new = (1...30).map { (name: String(format: "f%02d.svg", $0), data: Data("new \($0)\n".utf8)) }
        let writer = FileSetWriter(faults: { $0 == step && $1 == failing ? code : nil })
        let found = problems { try writer.write(new, into: out) }
        #expect(found == [FileWriteProblem(kind: .failed, path: "\(out)/\(failing)",
                                           message: "cannot write '\(out)/\(failing)': \(reason); nothing was written")])
        #expect(Self.listing(out) == before, "no temporary, no new file left")
        #expect(before.map { Self.inode(out + "/" + $0) } == inodes, "the very same files")
        for file in old { #expect(Self.contents(out + "/" + file.name) == file.data) }
        // And the same set goes through when nothing fails.
        try FileSetWriter().write(new, into: out)
        for file in new { #expect(Self.contents(out + "/" + file.name) == file.data) }
        #expect(Self.listing(out) == [".keep"] + new.map(\.name))
    }

    @Test func aRenameFailingAtFile22RestoresFiles1To21() throws {
        try failedSetLeavesTheOldOne(step: .rename, at: "f22.svg", code: EIO, reason: "Input/output error")
    }

    @Test func aRenameFailingAfterNewFilesRemovesThem() throws {
        // f26..f29 did not exist before: they are removed again.
        try failedSetLeavesTheOldOne(step: .rename, at: "f30.svg", code: ENOSPC, reason: "No space left on device")
    }

    @Test func aWriteFailingLeavesTheOldSet() throws {
        try failedSetLeavesTheOldOne(step: .write, at: "f22.svg", code: ENOSPC, reason: "No space left on device")
    }

    @Test func aBackupFailingLeavesTheOldSet() throws {
        try failedSetLeavesTheOldOne(step: .backup, at: "f22.svg", code: EMLINK, reason: "Too many links")
    }

    @Test func aSymlinkPlantedAtTheTemporaryNameIsNeverOpened() throws {
        let root = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: root) }
        let out = root + "/out", victim = root + "/victim"
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        try Self.manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Someone who guessed the first temporary name plants a link there (after the leftovers are gone).
        let planted = Planted()
        let writer = FileSetWriter(faults: { step, name in
            if step == .create { planted.plant(at: out + "/" + name, to: victim) }
            return nil
        })
        try writer.write([("a.md", Data("new a\n".utf8)), ("b.md", Data("new b\n".utf8))], into: out)
        #expect(Self.contents(victim) == Data("secret\n".utf8))
        #expect(Self.contents(out + "/a.md") == Data("new a\n".utf8) && Self.contents(out + "/b.md") == Data("new b\n".utf8))
        let link = try #require(planted.path)
        #expect(try Self.manager.destinationOfSymbolicLink(atPath: link) == victim, "the planted link is still a link")
        #expect(Self.listing(out) == ["a.md", "b.md", URL(fileURLWithPath: link).lastPathComponent].sorted())
        // The next run removes it (it has the pattern), and still leaves the victim alone.
        try FileSetWriter().write([("a.md", Data("again\n".utf8))], into: out)
        #expect(Self.listing(out) == ["a.md", "b.md"])
        #expect(Self.contents(victim) == Data("secret\n".utf8))
    }

    @Test func leftoversOfAnInterruptedRunGoOtherDotFilesStay() throws {
        let root = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: root) }
        let out = root + "/out", victim = root + "/victim"
        try Self.manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        let leftovers = [Self.temporaryName("0"), FileSetWriter.temporaryPrefix + "0123456789abcdef0123456789abcdef"]
        for name in leftovers { try Data("half".utf8).write(to: URL(fileURLWithPath: out + "/" + name)) }
        let link = Self.temporaryName("f")
        try Self.manager.createSymbolicLink(atPath: out + "/" + link, withDestinationPath: victim)
        // Not the pattern: kept.
        let others = [".keep", ".app-vpc.svg.123.tmp", FileSetWriter.temporaryPrefix + "abc", Self.temporaryName("A"), Self.temporaryName("0") + "0",
                      "app-vpc.md"]
        for name in others { try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/" + name)) }
        try FileSetWriter().write([("app-vpc.svg", Data("svg".utf8))], into: out)
        #expect(Self.listing(out) == (others + ["app-vpc.svg"]).sorted())
        for name in others { #expect(Self.contents(out + "/" + name) == Data("mine".utf8)) }
        #expect(Self.contents(victim) == Data("secret\n".utf8))
    }

    @Test func aSymlinkAtTheTargetIsReplacedNotFollowed() throws {
        let root = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: root) }
        let out = root + "/out", victim = root + "/victim"
        try Self.manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        try Self.manager.createSymbolicLink(atPath: out + "/x.md", withDestinationPath: victim)
        try FileSetWriter().write([("x.md", Data("new\n".utf8))], into: out)
        #expect(Self.contents(victim) == Data("secret\n".utf8))
        #expect(Self.contents(out + "/x.md") == Data("new\n".utf8))
        #expect((try? Self.manager.destinationOfSymbolicLink(atPath: out + "/x.md")) == nil, "a plain file now")
    }

    @Test func withoutReplacingEveryExistingTargetIsNamedAndNothingIsWritten() throws {
        let out = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: out) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/b"))
        try Self.manager.createSymbolicLink(atPath: out + "/d", withDestinationPath: out + "/missing")
        let found = problems {
            try FileSetWriter().write(["a", "b", "c", "d"].map { ($0, Data("new".utf8)) }, into: out, replacing: false)
        }
        #expect(found == [FileWriteProblem(kind: .exists, path: out + "/b", message: "'\(out)/b' already exists"),
                          FileWriteProblem(kind: .exists, path: out + "/d", message: "'\(out)/d' already exists")])
        #expect(Self.listing(out) == ["b", "d"])
        #expect(Self.contents(out + "/b") == Data("mine".utf8))
        // A target that appears between the check and the link is not replaced either, and the set is undone.
        let writer = FileSetWriter(faults: { step, name in
            if step == .rename && name == "c" { try? Data("raced".utf8).write(to: URL(fileURLWithPath: out + "/c")) }
            return nil
        })
        let raced = problems { try writer.write(["a", "c"].map { ($0, Data("new".utf8)) }, into: out, replacing: false) }
        #expect(raced == [FileWriteProblem(kind: .exists, path: out + "/c", message: "'\(out)/c' already exists")])
        #expect(Self.listing(out) == ["b", "c", "d"])
        #expect(Self.contents(out + "/c") == Data("raced".utf8))
    }

    @Test func aFileWhereTheFolderShouldBe() throws {
        let root = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: root) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/out"))
        let found = problems { try FileSetWriter().write([("x", Data())], into: root + "/out/sub") }
        #expect(found.map(\.message) == ["cannot create folder '\(root)/out/sub': Not a directory"])
        // A failure after the folders were created removes them again.
        let failing = FileSetWriter(faults: { step, _ in step == .write ? EIO : nil })
        let failed = problems { try failing.write([("x", Data())], into: root + "/new/sub") }
        #expect(failed.map(\.message) == ["cannot write '\(root)/new/sub/x': Input/output error; nothing was written"])
        #expect(Self.listing(root) == ["out"])
    }

    @Test func inputsOverTheBoundAreRefusedBeforeReading() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        #expect(Self.manager.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputFile.maximumSize) + 1)
        try handle.close()
        #expect(throws: InputFileError.tooLarge(size: InputFile.maximumSize + 1, limit: InputFile.maximumSize)) { try InputFile.read(path) }
        #expect(InputFileError.tooLarge(size: 70 << 20, limit: InputFile.maximumSize).message(path: "big.yaml")
            == "'big.yaml' is 70.0 MiB; vpcgraph reads inputs of at most 64 MiB")
        #expect(InputFileError.tooLarge(size: InputFile.maximumSize + 1, limit: InputFile.maximumSize).message(path: "big.yaml")
            == "'big.yaml' is 67108865 bytes; vpcgraph reads inputs of at most 64 MiB")
        // At the bound is fine, one byte more is not.
        try Data(repeating: 0x61, count: 10).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, limit: 10) == Data(repeating: 0x61, count: 10))
        #expect(throws: InputFileError.tooLarge(size: 10, limit: 9)) { try InputFile.read(path, limit: 9) }
        // Not a regular file: the read itself stops past the bound.
        #expect(throws: InputFileError.tooLarge(size: nil, limit: 100)) { try InputFile.read("/dev/zero", limit: 100) }
        #expect(InputFileError.tooLarge(size: nil, limit: InputFile.maximumSize).message(path: "/dev/zero")
            == "'/dev/zero' is more than 64 MiB; vpcgraph reads inputs of at most 64 MiB")
        // A file that says it is empty and is not (as in /proc) is read to its end.
        let status = String(decoding: try InputFile.read("/proc/self/status"), as: UTF8.self)
        #expect(status.hasPrefix("Name:") && status.contains("\nPid:") && status.hasSuffix("\n"))
        #expect(throws: InputFileError.missing) { try InputFile.read(dir + "/missing") }
        #expect(throws: InputFileError.isDirectory) { try InputFile.read(dir) }
    }
}

/// Plants one symlink, the first time it is asked.
final class Planted: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var path: String?

    func plant(at path: String, to target: String) {
        lock.withLock {
            guard self.path == nil else { return }
            self.path = path
            try? FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }
    }
}

import FileAccess
import Foundation
import TestSupport
import Testing

/// The writer's two additions for `render`: files with unchanged bytes are left alone, and files to
/// remove go in the same all-or-nothing step.
@Suite struct FileSetWriterPruneTests {
    static let manager = FileManager.default

    static func listing(_ dir: String) -> [String] { ((try? manager.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    static func stamp(_ path: String) -> [Int] {
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }

    @Test func unchangedFilesKeepTheirInodeAndMtime() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let writer = FileSetWriter()
        try writer.write([("a", Data("one".utf8)), ("b", Data("two".utf8))], into: dir)
        try Data("two".utf8).write(to: URL(fileURLWithPath: dir + "/target"))
        try Self.manager.removeItem(atPath: dir + "/b")
        try Self.manager.createSymbolicLink(atPath: dir + "/b", withDestinationPath: "target")
        let before = Self.stamp(dir + "/a")
        usleep(20_000)
        // 'a' holds the bytes already; 'b' is a link to a file with the bytes: replaced by a file all the same.
        let written = try writer.write([("a", Data("one".utf8)), ("b", Data("two".utf8)), ("c", Data("three".utf8))],
                                       into: dir, keepingUnchanged: true)
        #expect(written == [dir + "/b", dir + "/c"])
        #expect(Self.stamp(dir + "/a") == before)
        #expect((try? Self.manager.destinationOfSymbolicLink(atPath: dir + "/b")) == nil)
        // Same size, other bytes: rewritten.
        #expect(try writer.write([("a", Data("two".utf8))], into: dir, keepingUnchanged: true) == [dir + "/a"])
        #expect(Self.manager.contents(atPath: dir + "/a") == Data("two".utf8))
    }

    @Test func removalsAreUndoneWithTheWritesWhenAStepFails() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        try FileSetWriter().write([("a", Data("old a".utf8)), ("b", Data("old b".utf8)), ("c", Data("old c".utf8))], into: dir)
        let stamps = ["a", "b", "c"].map { Self.stamp(dir + "/" + $0) }
        // The second removal fails: the first is put back, and 'a' gets its old file back.
        let failing = FileSetWriter(faults: { step, name in step == .backup && name == "c" ? EIO : nil })
        #expect(throws: FileWriteError.self) {
            try failing.write([("a", Data("new a".utf8))], into: dir, removing: ["b", "c"])
        }
        #expect(Self.listing(dir) == ["a", "b", "c"])
        #expect(["a", "b", "c"].map { Self.stamp(dir + "/" + $0) } == stamps)
        #expect(Self.manager.contents(atPath: dir + "/a") == Data("old a".utf8))
        // Without the fault: written and removed, nothing else left; a name already gone is skipped.
        #expect(try FileSetWriter().write([("a", Data("new a".utf8))], into: dir, removing: ["b", "c", "gone"]) == [dir + "/a"])
        #expect(Self.listing(dir) == ["a"])
    }

    @Test func aNameToRemoveMustBePlainAndNotAlsoWritten() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        for removing in [["../x"], ["a"], [FileSetWriter.temporaryPrefix + "x"]] {
            #expect(throws: FileWriteError.self) {
                try FileSetWriter().write([("a", Data("a".utf8))], into: dir, removing: removing)
            }
        }
        #expect(Self.listing(dir) == [])
    }
}

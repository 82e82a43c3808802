import FileAccess
import Foundation
import VPCModel

/// Writes the pipeline's output files into one folder all-or-nothing (see `FileSetWriter`): either
/// every file is in place, or every file is as it was before the run and no temporary is left.
public enum OutputWriter {
    /// The paths written (`directory/name`), in the order of `files`. `writer` is for tests (faults).
    @discardableResult
    public static func write(_ files: [OutputFile], to directory: String, replacing: Bool = true,
                             writer: FileSetWriter = FileSetWriter()) throws(FileWriteError) -> [String] {
        try writer.write(files.map { ($0.fileName, $0.data) }, into: directory, replacing: replacing)
    }

    /// The problems of a failed write as diagnostics: `out/x.svg: error: cannot write 'out/x.svg':
    /// Is a directory; nothing was written [output]`. `exists` words a target that exists when
    /// replacing was not allowed (rule `output-exists`).
    public static func diagnostics(_ error: FileWriteError,
                                   exists: (String) -> String = { "'\($0)' already exists; pass --force to replace it" }) -> [Diagnostic] {
        error.problems.map { problem in
            switch problem.kind {
            case .invalidName: .error(problem.message, at: SourceLocation(file: problem.path), rule: "output-name")
            case .exists: .error(exists(problem.path), at: SourceLocation(file: problem.path), rule: "output-exists")
            case .failed: .error(problem.message, at: SourceLocation(file: problem.path), rule: "output")
            }
        }
    }
}

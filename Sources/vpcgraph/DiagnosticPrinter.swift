import Foundation
import VPCModel

/// Prints diagnostics to stderr, with colour only when stderr is a terminal.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let colour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var text = ""
        for diagnostic in diagnostics {
            text += render(diagnostic, colour: colour) + "\n"
            for note in diagnostic.notes { text += render(note, colour: colour) + "\n" }
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func render(_ d: Diagnostic, colour: Bool) -> String {
        guard colour else { return d.headline }
        let code = d.severity == .error ? "31" : d.severity == .warning ? "33" : "36"
        var text = ""
        if let location = d.location { text += "\u{1B}[1m\(location):\u{1B}[0m " }
        text += "\u{1B}[1;\(code)m\(d.severity.rawValue):\u{1B}[0m \(d.message)"
        if let rule = d.rule { text += " [\(rule)]" }
        return text
    }
}

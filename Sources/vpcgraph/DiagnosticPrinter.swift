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
        guard colour else { return printable(d.headline) }
        let code = d.severity == .error ? "31" : d.severity == .warning ? "33" : "36"
        var text = ""
        if let location = d.location { text += "\u{1B}[1m\(printable(location.description)):\u{1B}[0m " }
        text += "\u{1B}[1;\(code)m\(d.severity.rawValue):\u{1B}[0m \(printable(d.message))"
        if let rule = d.rule { text += " [\(rule)]" }
        return text
    }

    /// Messages quote names from the input, which may hold terminal escape sequences or
    /// bidirectional overrides: those characters (all control characters but the line break) are
    /// printed as `\u{…}`, never sent to the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false  // messages of several lines (what aws said, below the error)
        case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

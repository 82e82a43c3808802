import CGraphviz
import CGraphvizShim
import Foundation
import VPCModel

/// The only code that talks to Graphviz. Parses DOT text into a cgraph graph (with an id
/// discipline that numbers objects in creation order), lays it out with `dot` in-process, renders
/// it, and frees everything. Graphviz is not thread-safe: every call is serialised behind one lock.
public enum GraphvizRenderer {
    public enum Format: String, Sendable {
        /// SVG from Graphviz's core renderer.
        case svg
        /// DOT with layout coordinates (`-Txdot`-like `dot` output); useful for debugging.
        case layoutDOT = "dot"
    }

    private static let lock = NSLock()

    /// Lays out `dot` and renders it. Graphviz's own messages come back as diagnostics located in
    /// `file` (the DOT file this text is written to); errors fail the render, warnings do not.
    public static func render(dot: String, format: Format = .svg, file: String) -> (output: String?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }

        guard let context = vpcg_context() else {
            let reason = String(cString: vpcg_context_error())
            return (nil, [.error(reason, at: nil, rule: "graphviz")])
        }
        defer { gvFreeContext(context) }

        vpcg_errors_begin()
        var output: String?
        var failed = false
        let utf8 = Array(dot.utf8)
        let graph = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { vpcg_read($0, buffer.count) }
        }
        if let graph {
            if gvLayout(context, graph, "dot") == 0 {
                var data: UnsafeMutablePointer<CChar>?
                var length: UInt32 = 0
                let status = gvRenderData(context, graph, format.rawValue, &data, &length)
                if status == 0, let data {
                    // Not NUL-terminated: use the length.
                    let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
                    output = String(decoding: bytes, as: UTF8.self)
                } else {
                    failed = true
                }
                // Freed even when rendering failed.
                if let data { gvFreeRenderData(data) }
                gvFreeLayout(context, graph)
            } else {
                failed = true
            }
            agclose(graph)
        } else {
            failed = true
        }
        let messages = String(cString: vpcg_errors_end())
        var diagnostics = parseMessages(messages, file: file)
        if failed && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error("graphviz could not lay out the diagram", at: SourceLocation(file: file), rule: "graphviz"))
        }
        return (failed ? nil : output, diagnostics)
    }

    /// Turns Graphviz's messages ("Warning: …", "Error: … in line 3 near …") into diagnostics.
    static func parseMessages(_ text: String, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            var severity = Diagnostic.Severity.warning
            for (prefix, level) in [("Error:", Diagnostic.Severity.error), ("Warning:", .warning)] where line.hasPrefix(prefix) {
                severity = level
                line = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            }
            if let last = diagnostics.last, severity == .warning, !raw.hasPrefix("Warning:"), !raw.hasPrefix("Error:") {
                // A continuation line of the previous message.
                diagnostics[diagnostics.count - 1].message = last.message + " " + line
                continue
            }
            var lineNumber: Int?
            if let range = line.range(of: "in line ") {
                lineNumber = Int(line[range.upperBound...].prefix { $0.isNumber })
            }
            let message = "graphviz: " + line.prefix(1).lowercased() + line.dropFirst()
            diagnostics.append(Diagnostic(severity, message, at: SourceLocation(file: file, line: lineNumber), rule: "graphviz"))
        }
        return diagnostics
    }
}

import CGraphviz
import CGraphvizShim
import Foundation
import VPCModel

/// The only code that talks to Graphviz. Parses DOT text into a cgraph graph (with an id
/// discipline that numbers objects in creation order), lays it out with `dot` in-process, renders
/// it, and frees everything (the last graph when the next call starts). Graphviz is not
/// thread-safe: every call is serialised behind one lock.
public enum GraphvizRenderer {
    public enum Format: String, Sendable {
        /// SVG from Graphviz's core renderer.
        case svg
        /// DOT with layout coordinates (`-Txdot`-like `dot` output); useful for debugging.
        case layoutDOT = "dot"
        /// PNG from Graphviz's cairo renderer. Text is measured with the installed fonts, so the
        /// bytes depend on the machine (SVG does not).
        case png

        var usesCairo: Bool { self == .png }
    }

    private static let lock = NSLock()

    /// The last diagram's laid-out graph and its context, freed at the start of the next call
    /// rather than at the end of its own. Freeing a laid-out graph costs about 4% of a one-diagram
    /// render; a process that renders one diagram and exits need not pay it, and `dot` does not
    /// free its last graph either. At most one graph is kept; the memory peak is the same as
    /// freeing each at once, since the kept one is freed before the next is read. Guarded by `lock`.
    nonisolated(unsafe) private static var kept: (context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>)?

    /// Frees the kept graph and its context, if any. Callers hold the lock.
    private static func freeKept() {
        guard let kept else { return }
        gvFreeLayout(kept.context, kept.graph)
        agclose(kept.graph)
        gvFreeContext(kept.context)
        self.kept = nil
    }

    /// Frees the last diagram's graph now (for long-lived callers that want Graphviz's memory back).
    public static func releaseMemory() {
        lock.lock()
        defer { lock.unlock() }
        freeKept()
    }

    /// Lays out `dot` and renders it. Graphviz's own messages come back as diagnostics located in
    /// `file` (the DOT file this text is written to); errors fail the render, warnings do not.
    public static func render(dot: String, format: Format = .svg, file: String) -> (output: String?, diagnostics: [Diagnostic]) {
        let (data, diagnostics) = renderData(dot: dot, format: format, file: file)
        return (data.map { String(decoding: $0, as: UTF8.self) }, diagnostics)
    }

    /// Like `render`, returning the bytes (for bitmaps).
    ///
    /// Fails safe: any `Error:` Graphviz reports while reading, laying out or rendering fails the
    /// diagram, checked *before* the next step runs. A layout that reported an error, or whose rank
    /// lists dot 2.42 damaged (`vpcg_layout_damaged`), is neither rendered nor freed: freeing it
    /// is what double-frees. Its memory is left to the process; the diagram comes back as an error.
    public static func renderData(dot: String, format: Format, file: String) -> (output: Data?, diagnostics: [Diagnostic]) {
        renderData(dot: Array(dot.utf8), format: format, file: file)
    }

    /// `renderData` on the DOT's bytes (UTF-8), as the pipeline and the layout workers hold it.
    public static func renderData(dot: [UInt8], format: Format, file: String) -> (output: Data?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        freeKept()

        guard let context = format.usesCairo ? vpcg_cairo_context() : vpcg_context() else {
            let reason = String(cString: vpcg_context_error())
            return (nil, [.error(reason, at: nil, rule: "graphviz")])
        }
        // Freed here unless the graph laid out in it is kept (see `kept`).
        var keepContext = false
        defer { if !keepContext { gvFreeContext(context) } }

        var diagnostics: [Diagnostic] = []
        /// Runs one step with Graphviz's messages collected; true when it reported no error.
        func step(_ work: () -> Bool) -> Bool {
            vpcg_errors_begin()
            let succeeded = work()
            let messages = parseMessages(String(cString: vpcg_errors_end()), file: file)
            diagnostics += messages
            return succeeded && !messages.contains { $0.severity == .error }
        }
        func failure(_ message: String) -> (Data?, [Diagnostic]) {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(.error(message, at: SourceLocation(file: file), rule: "graphviz"))
            }
            return (nil, diagnostics)
        }

        var graph: UnsafeMutablePointer<Agraph_t>?
        let parsed = step {
            graph = read(dot)
            return graph != nil
        }
        guard let graph else { return failure("graphviz could not read the diagram") }
        guard parsed else {
            agclose(graph)  // not laid out yet: nothing of dot's to free
            return failure("graphviz could not read the diagram")
        }

        let laidOut = step { gvLayout(context, graph, "dot") == 0 }
        if vpcg_layout_damaged(graph) != 0 {
            // Left allocated on purpose (see above).
            return failure("graphviz 2.42 damaged its own memory laying out the diagram (a labelled edge between nodes of one rank); "
                + "it was not drawn")
        }
        guard laidOut else { return failure("graphviz could not lay out the diagram") }

        var output: Data?
        let rendered = step {
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(context, graph, format.rawValue, &data, &length)
            // Not NUL-terminated: use the length. Freed even when rendering failed.
            if status == 0, let data { output = Data(bytes: data, count: Int(length)) }
            if let data { gvFreeRenderData(data) }
            return status == 0 && output != nil
        }
        kept = (context, graph)
        keepContext = true
        guard rendered else { return failure("graphviz could not render the diagram") }
        return (output, diagnostics)
    }

    /// Reads `dot` as Graphviz would, without laying it out: the errors it reports (a DOT file
    /// written without an SVG is still one Graphviz must be able to read).
    public static func check(dot: String, file: String) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        freeKept()
        vpcg_errors_begin()
        let graph = read(dot)
        if let graph { agclose(graph) }
        var diagnostics = parseMessages(String(cString: vpcg_errors_end()), file: file)
        if graph == nil && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error("graphviz could not read the diagram", at: SourceLocation(file: file), rule: "graphviz"))
        }
        return diagnostics
    }

    /// Parses DOT text with the sequential id discipline (see `vpcg_read`). Callers hold the lock.
    private static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? { read(Array(dot.utf8)) }

    private static func read(_ utf8: [UInt8]) -> UnsafeMutablePointer<Agraph_t>? {
        guard !utf8.isEmpty else { return read([UInt8(ascii: "\n")]) }
        return utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { vpcg_read($0, buffer.count) }
        }
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

import VPCModel
import VPCReaders
import FuzzSupport

/// (a) The YAML topology reader: any bytes, as text, through `TopologyParser.parse` and `validate()`.
/// A crash, a trap (Swift runtime error) or a hang is a finding; diagnostics are the expected answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopology(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let (topology, diagnostics) = TopologyParser.parse(text, file: "fuzz.yaml")
    if let topology {
        let problems = topology.validate()
        // Every diagnostic has to be printable (its description is what the CLI shows).
        for diagnostic in diagnostics + problems { _ = diagnostic.description }
    }
    return 0
}

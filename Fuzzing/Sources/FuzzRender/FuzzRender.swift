import Foundation
import Pipeline
import TopologyGenerator
import VPCModel
import VPCReaders
import FuzzSupport

/// (c) The whole render through Graphviz. Random bytes are almost never a valid topology, so the
/// input is read as *decisions*: bytes 0–1 choose the view, split mode, theme, links, legend and
/// transparency; the rest drive `RandomTopology` (regions, VPC counts, peering shapes, gateways,
/// hostile names). The YAML it makes is parsed, validated and rendered to DOT and SVG in every
/// diagram the plan makes. A signal (Graphviz crash, ASan report) or a Swift trap is a finding, and
/// so is an SVG that `SVGCheck` rejects; a render that fails with diagnostics is an answer.
/// `VPCGRAPH_FUZZ_MAX_VPCS` bounds the size (default 12: a split render of 12 VPCs is ~10 diagrams).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let choice = RenderChoice(bytes.count > 0 ? bytes[0] : 0, bytes.count > 1 ? bytes[1] : 0)
    let yaml = RandomTopology.yaml(bytes: Array(bytes.dropFirst(2)), limits: RandomTopology.Limits(maxVPCs: maxVPCs))
    let printing = ProcessInfo.processInfo.environment["VPCGRAPH_FUZZ_PRINT"] != nil
    if printing { print("# \(choice)\n\(yaml)") }
    let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "fuzz.yaml")
    let problems = diagnostics + (parsed?.validate() ?? [])
    if printing { for problem in problems { print("# \(problem)") } }
    // The generator means to make valid topologies; one it did not is a generator bug, not a finding.
    guard let topology = parsed, !problems.contains(where: { $0.severity == .error }) else { return 0 }
    let pipeline = Pipeline(formats: [.dot, .svg], diagramOptions: choice.options, view: choice.view, split: choice.split)
    let rendering = pipeline.renderAll(topology, name: "fuzz")
    for file in rendering.files where file.fileName.hasSuffix(".svg") {
        let problems = SVGCheck.problems(file.contents)
        if !problems.isEmpty { fuzzFailure("\(file.fileName) (\(choice)): \(problems.prefix(3).joined(separator: "; "))") }
    }
    return 0
}

let maxVPCs = ProcessInfo.processInfo.environment["VPCGRAPH_FUZZ_MAX_VPCS"].flatMap(Int.init) ?? 12

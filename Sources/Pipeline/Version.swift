/// vpcgraph's version: printed by `vpcgraph --version` and recorded in the output folder's manifest
/// (so a new version renders again), never written into a diagram or document.
public enum VPCGraphVersion {
    public static let current = "0.10.0"
}

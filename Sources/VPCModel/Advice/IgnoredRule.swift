/// A finding accepted for one resource: `ignore: [{rule: endpoint-single-az, reason: "dev only"}]`
/// on the resource in the topology. Only advice rules can be ignored, and only with a reason.
public struct IgnoredRule: Equatable, Sendable {
    public var resourceID: String
    public var ruleID: String
    public var reason: String
    public var origin: Origin

    public init(resourceID: String, ruleID: String, reason: String, origin: Origin = Origin()) {
        self.resourceID = resourceID
        self.ruleID = ruleID
        self.reason = reason
        self.origin = origin
    }
}

// The article's advice as checks over a valid topology: each rule is a small type that looks at the
// model (routes, security groups, DNS resolution) and reports findings naming the resources
// involved, located at the one at fault. Rules are declared in `RuleCatalogue.advice`.

/// One piece of advice about one resource.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Diagnostic.Severity
    public var message: String
    public var location: SourceLocation?
    /// The resource at fault first, then the others involved.
    public var resources: [String]

    public init(_ ruleID: String, _ message: String, at location: SourceLocation?, resources: [String]) {
        self.ruleID = ruleID
        self.severity = RuleCatalogue.rule(ruleID)?.severity ?? .warning
        self.message = message
        self.location = location
        self.resources = resources
    }

    /// The resource at fault.
    public var resource: String { resources.first ?? "" }

    public var diagnostic: Diagnostic { Diagnostic(severity, message, at: location, rule: ruleID) }
}

/// A rule of advice: looks at the topology, reports findings.
protocol AdviceRule: Sendable {
    static var id: String { get }
    func findings(in context: AdviceContext) -> [Finding]
}

extension AdviceRule {
    func finding(_ message: String, at location: SourceLocation?, _ resources: [String]) -> Finding {
        Finding(Self.id, message, at: location, resources: resources)
    }
}

/// Every advice rule, in catalogue order.
let adviceRules: [any AdviceRule] = [
    BlackholeRoute(), ConnectedCIDROverlap(), ConsumerRouteMissing(), CrossRegionViaInternet(), CrossVPCEndpointCost(),
    EndpointReturnRouteMissing(), EndpointSecurityGroupHTTPS(), EndpointSingleAZ(), GatewayEndpointPartialTier(),
    GatewayEndpointUnused(), HostedZoneNotAssociated(), InterfaceEndpointGatewayAvailable(), NATGatewayWithoutInternetRoute(),
    OnPremisesEndpointPath(), ResolverEndpointAvailability(), SharedEndpointNoHostedZone(),
]

extension Topology {
    /// The article's advice: findings of every advice rule, sorted by location then message, without
    /// those the topology's `ignore:` entries accept. Meant for a topology `validate()` found no error in.
    public func advise() -> [Finding] {
        let context = AdviceContext(self)
        let all = adviceRules.flatMap { $0.findings(in: context) }
        return all.filter { finding in
            !ignoredRules.contains { $0.resourceID == finding.resource && $0.ruleID == finding.ruleID }
        }.sorted { a, b in
            switch (a.location, b.location) {
            case let (la?, lb?) where la != lb: return la < lb
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.message, a.ruleID) < (b.message, b.ruleID)
            }
        }
    }

    /// Warnings for `ignore:` entries that accept no finding (the risk they accepted is gone, or the id
    /// or rule is wrong): nothing is silenced by mistake.
    public func unusedIgnores() -> [Diagnostic] {
        let context = AdviceContext(self)
        let all = adviceRules.flatMap { $0.findings(in: context) }
        return ignoredRules.filter { ignore in
            !all.contains { $0.resource == ignore.resourceID && $0.ruleID == ignore.ruleID }
        }.map { ignore in
            .warning("'\(ignore.resourceID)' ignores '\(ignore.ruleID)', which reports nothing about it; remove the entry",
                     at: ignore.origin["rule"], rule: "ignore-unused")
        }
    }
}

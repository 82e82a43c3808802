import VPCModel

/// A VPC's route tables with their effective routes, worked out once per VPC: subnets, route
/// tables and gateway endpoints all ask which table a subnet uses and what its routes are.
/// Same answers as `VPC.routeTable(for:)`, `VPC.effectiveRoutes(of:)` and `VPC.tier(of:)`.
struct VPCRouting {
    let vpc: VPC
    /// Effective routes by position in `vpc.routeTables`.
    let routes: [[Route]]
    /// The position of the first table of each id.
    private let tableIndex: [String: Int]
    /// The position of the first main table.
    private let mainIndex: Int?

    init(_ vpc: VPC) {
        self.vpc = vpc
        routes = vpc.routeTables.map { vpc.effectiveRoutes(of: $0) }
        var index: [String: Int] = [:]
        for (i, table) in vpc.routeTables.enumerated() where index[table.id] == nil { index[table.id] = i }
        tableIndex = index
        mainIndex = vpc.routeTables.firstIndex(where: \.isMain)
    }

    /// The position of the subnet's explicit route table, else the main one's.
    func routeTableIndex(for subnet: Subnet) -> Int? {
        if let id = subnet.routeTableID { return tableIndex[id] }
        return mainIndex
    }

    func routeTable(for subnet: Subnet) -> RouteTable? {
        routeTableIndex(for: subnet).map { vpc.routeTables[$0] }
    }

    /// `VPC.tier(of:)` with the routes worked out once.
    func tier(of subnet: Subnet) -> SubnetTier {
        SubnetTier.derived(declaredPublic: subnet.declaredPublic, routes: routeTableIndex(for: subnet).map { routes[$0] } ?? [])
    }
}

/// Where the overview puts the VPCs of one region: by connectivity, not by id.
///
/// - VPCs connected to anything (peering, a hub) come first, in rows of `columns`, laid out as a
///   snake (every other row right to left) so that neighbours in a peering chain stay next to each
///   other, also where a row ends.
/// - A peering chain is kept in chain order; a component of the peering graph is ordered breadth
///   first from one of its ends (Cuthill–McKee: fewest peerings first, ties in input order), and a
///   VPC peered with every other VPC of its component (hub and spoke) goes in its middle.
/// - Hubs (transit gateways, the peering-mesh node) sit in a row of their own in the middle of the
///   connected rows, so their attachments come from above and below; hubs in the order of where
///   their members are.
/// - VPCs connected to nothing are packed in a grid below.
///
/// Pure and deterministic: the same input in the same order gives the same rows.
struct OverviewOrder: Equatable {
    /// A hub and the VPCs attached to it.
    struct Hub: Equatable {
        var id: String
        var members: [String]
    }

    /// Rows of connected VPCs, each left to right.
    var rows: [[String]]
    /// The hubs, left to right, drawn between `rows[hubRow - 1]` and `rows[hubRow]`.
    var hubs: [String]
    /// The index in `rows` the hub row goes before (0 when there are no rows above it).
    var hubRow: Int
    /// Unconnected VPCs, in rows of `columns`, in input order.
    var loose: [[String]]

    /// `vpcs`: the region's VPC ids in input order; `links`: peerings (pairs of VPC ids, either may be
    /// outside `vpcs`: those ends are ignored); `hubs`: hubs and their members.
    init(vpcs: [String], links: [(String, String)], hubs: [Hub], columns: Int) {
        let columns = max(1, columns)
        let index = Dictionary(vpcs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var neighbours = Array(repeating: [Int](), count: vpcs.count)
        var seenPairs = Set<[Int]>()
        for (a, b) in links {
            guard let i = index[a], let j = index[b], i != j, seenPairs.insert([min(i, j), max(i, j)]).inserted else { continue }
            neighbours[i].append(j)
            neighbours[j].append(i)
        }
        let hubMembers = hubs.map { Set($0.members.compactMap { index[$0] }) }
        let onHub = hubMembers.reduce(into: Set<Int>()) { $0.formUnion($1) }

        // Components of the peering graph, ordered; those with a hub member first.
        var component = Array(repeating: -1, count: vpcs.count)
        var components: [[Int]] = []
        for start in vpcs.indices where component[start] < 0 && (!neighbours[start].isEmpty || onHub.contains(start)) {
            var members = [start]
            component[start] = components.count
            var k = 0
            while k < members.count {
                for n in neighbours[members[k]] where component[n] < 0 {
                    component[n] = components.count
                    members.append(n)
                }
                k += 1
            }
            components.append(members)
        }
        // Grouped by the first hub a member is on (so each hub's VPCs are together), then bigger
        // peering groups first, then input order (of the first member).
        func hubKey(_ members: [Int]) -> Int {
            hubMembers.indices.first { h in members.contains { hubMembers[h].contains($0) } } ?? hubMembers.count
        }
        let ordered = components.map { (hub: hubKey($0), first: $0.min()!, members: OverviewOrder.order($0, neighbours: neighbours)) }
            .sorted { a, b in
                if a.hub != b.hub { return a.hub < b.hub }
                if a.members.count != b.members.count { return a.members.count > b.members.count }
                return a.first < b.first
            }
        let sequence = ordered.flatMap(\.members)
        var rows: [[String]] = []
        for (r, start) in stride(from: 0, to: sequence.count, by: columns).enumerated() {
            let row = sequence[start..<min(start + columns, sequence.count)].map { vpcs[$0] }
            rows.append(r % 2 == 0 ? row : row.reversed())
        }
        self.rows = rows
        self.hubRow = rows.count / 2

        // Hubs by the mean column of their members (ties: input order).
        var column: [String: Double] = [:]
        for row in rows {
            for (c, id) in row.enumerated() { column[id] = Double(c) }
        }
        let placed = hubs.enumerated().map { offset, hub -> (Double, Int, String) in
            let cs = hub.members.compactMap { column[$0] }
            return (cs.isEmpty ? Double(columns) : cs.reduce(0, +) / Double(cs.count), offset, hub.id)
        }
        self.hubs = placed.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)

        let unconnected = vpcs.indices.filter { component[$0] < 0 }.map { vpcs[$0] }
        self.loose = stride(from: 0, to: unconnected.count, by: columns).map { Array(unconnected[$0..<min($0 + columns, unconnected.count)]) }
    }

    /// One component in drawing order: breadth first from an end; a VPC peered with all the others
    /// in the middle.
    static func order(_ members: [Int], neighbours: [[Int]]) -> [Int] {
        let sorted = members.sorted()
        if sorted.count >= 4, let hub = sorted.first(where: { neighbours[$0].count == sorted.count - 1 }) {
            let spokes = sorted.filter { $0 != hub }
            let half = spokes.count / 2
            return Array(spokes[..<half]) + [hub] + Array(spokes[half...])
        }
        let degreeThenIndex: (Int, Int) -> Bool = { a, b in
            neighbours[a].count != neighbours[b].count ? neighbours[a].count < neighbours[b].count : a < b
        }
        let start = sorted.min(by: degreeThenIndex)!
        var result = [start]
        var seen: Set<Int> = [start]
        var k = 0
        while k < result.count {
            for n in neighbours[result[k]].sorted(by: degreeThenIndex) where seen.insert(n).inserted { result.append(n) }
            k += 1
        }
        return result
    }
}

import VPCModel

/// The article's advice on the picture: a finding marks the resource at fault (the first of its
/// resources) with a small "advice" badge, its findings in the tooltip; when that resource is not
/// drawn in this diagram (a security group, say), the first of the finding's other resources that
/// is. The pass runs over a finished scene, so no builder needs to know about findings.
public enum FindingBadges {
    /// The scene's clusters, nodes and chips with their badges added.
    static func apply(_ findings: [Finding], to cluster: SceneCluster) -> SceneCluster {
        guard !findings.isEmpty else { return cluster }
        var drawn: Set<String> = []
        collect(cluster, into: &drawn)
        var byResource: [String: [Finding]] = [:]
        for finding in findings {
            guard let id = finding.resources.first(where: drawn.contains) else { continue }
            byResource[id, default: []].append(finding)
        }
        var badges: [String: Badge] = [:]
        for (id, found) in byResource {
            // By what they say, not where: a snapshot and the YAML exported from it locate a finding
            // differently, and must draw the same badge.
            let rank: [Diagnostic.Severity: Int] = [.error: 0, .warning: 1, .note: 2]
            let about = found.sorted { ((rank[$0.severity] ?? 3), $0.ruleID, $0.message) < ((rank[$1.severity] ?? 3), $1.ruleID, $1.message) }
            let tooltip = about.map { "\($0.severity.rawValue) [\($0.ruleID)]: \($0.message)" }.joined(separator: "\n")
            let tone: Badge.Tone = about.contains { $0.severity != .note } ? .warning : .info
            badges[id] = Badge(about.count == 1 ? "advice" : "advice \(about.count)", tooltip: tooltip, tone: tone)
        }
        return add(badges, to: cluster)
    }

    static func collect(_ cluster: SceneCluster, into ids: inout Set<String>) {
        ids.insert(cluster.id)
        for node in cluster.nodes {
            ids.insert(node.id)
            for chip in node.chips { ids.insert(chip.id) }
        }
        for child in cluster.clusters { collect(child, into: &ids) }
    }

    static func add(_ badges: [String: Badge], to cluster: SceneCluster) -> SceneCluster {
        var cluster = cluster
        if let badge = badges[cluster.id] { cluster.badges.append(badge) }
        for index in cluster.nodes.indices {
            if let badge = badges[cluster.nodes[index].id] { cluster.nodes[index].badges.append(badge) }
            for chip in cluster.nodes[index].chips.indices {
                if let badge = badges[cluster.nodes[index].chips[chip].id] { cluster.nodes[index].chips[chip].badges.append(badge) }
            }
        }
        cluster.clusters = cluster.clusters.map { add(badges, to: $0) }
        return cluster
    }
}

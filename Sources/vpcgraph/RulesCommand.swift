import ArgumentParser
import VPCModel

/// `vpcgraph rules [ID…]`: the rule catalogue, or the rules named.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules 'check' and 'render' report: id, severity, what checks it, why it matters and how to fix it.")

    @Argument(help: "Rule ids to show (default: every rule).")
    var ids: [String] = []

    func validate() throws {
        for id in ids where RuleCatalogue.rule(id) == nil {
            throw ValidationError("unknown rule '\(id)'; 'vpcgraph rules' lists them")
        }
    }

    func run() {
        print(RuleCatalogue.listing(ids.isEmpty ? RuleCatalogue.all : ids.compactMap(RuleCatalogue.rule)), terminator: "")
    }
}

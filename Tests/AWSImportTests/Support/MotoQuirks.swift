import AWSImport
import Foundation
import VPCModel

/// What moto 5 fakes where AWS documents something else, and the correction the end-to-end test
/// applies before rendering (the import itself is checked on moto's raw output first):
/// - network interfaces of endpoints and NAT gateways get random private IPs outside their subnet;
///   real AWS picks addresses inside it. The correction moves each into its subnet (.200 upwards).
/// - a route to a deleted NAT gateway stays `active`; AWS marks it `blackhole`.
/// - `DnsEntries` hold one made-up name (`vpce-…-xxxx.com.amazonaws.REGION.SERVICE`) and no
///   per-zone or private DNS names; endpoint ENIs have an empty `Description`. (Not corrected:
///   the documented-shape fixture covers both.)
/// - `CreateVpnConnectionRoute` is not implemented (HTTP 500), so VPNs have no static routes.
/// - hosted zone ids are random upper-case letters and digits without AWS's leading `Z` (which the id
///   rules warn about). The correction puts a `Z` in front, in file names and contents.
enum MotoQuirks {
    /// A hosted zone id as the correction writes it.
    static func zoneID(_ id: String) -> String { id.hasPrefix("Z") ? id : "Z" + id }

    static func correct(snapshot: String) throws {
        try correctZoneIDs(snapshot: snapshot)
        for region in try FileManager.default.contentsOfDirectory(atPath: snapshot) where Regions.looksLikeRegion(region) {
            let dir = snapshot + "/" + region
            let subnets = try cidrsBySubnet(try load(dir + "/describe-subnets.json"))
            var next: [String: Int] = [:]
            func address(in subnet: String) -> String? {
                guard let cidr = subnets[subnet] else { return nil }
                let n = next[subnet, default: 200]
                next[subnet] = n + 1
                let parts = cidr.address.description.split(separator: ".")
                return parts.dropLast().joined(separator: ".") + ".\(n)"
            }
            var interfaces = try load(dir + "/describe-network-interfaces.json")
            var moved: [String: String] = [:]
            interfaces = map(interfaces, list: "NetworkInterfaces") { eni in
                guard case .string(let id)? = eni["NetworkInterfaceId"], case .string(let subnet)? = eni["SubnetId"],
                      let ip = address(in: subnet) else { return eni }
                moved[id] = ip
                return set(set(eni, "PrivateIpAddress", .string(ip)), "PrivateIpAddresses", .array([.object([("Primary", .bool(true)), ("PrivateIpAddress", .string(ip))])]))
            }
            try save(interfaces, to: dir + "/describe-network-interfaces.json")
            var natIDs = Set<String>()
            let nats = map(try load(dir + "/describe-nat-gateways.json"), list: "NatGateways") { nat in
                if case .string(let id)? = nat["NatGatewayId"], nat["State"] != .string("deleted") { natIDs.insert(id) }
                guard case .array(let addresses)? = nat["NatGatewayAddresses"] else { return nat }
                return set(nat, "NatGatewayAddresses", .array(addresses.map { a in
                    guard case .string(let eni)? = a["NetworkInterfaceId"], let ip = moved[eni] else { return a }
                    return set(a, "PrivateIp", .string(ip))
                }))
            }
            try save(nats, to: dir + "/describe-nat-gateways.json")
            let tables = map(try load(dir + "/describe-route-tables.json"), list: "RouteTables") { table in
                guard case .array(let routes)? = table["Routes"] else { return table }
                return set(table, "Routes", .array(routes.map { route in
                    guard case .string(let nat)? = route["NatGatewayId"], !natIDs.contains(nat) else { return route }
                    return set(route, "State", .string("blackhole"))
                }))
            }
            try save(tables, to: dir + "/describe-route-tables.json")
        }
    }

    static func correctZoneIDs(snapshot: String) throws {
        let fm = FileManager.default
        let list = snapshot + "/global/list-hosted-zones.json"
        guard fm.fileExists(atPath: list), case .array(let zones)? = try load(list)["HostedZones"] else { return }
        let ids = zones.compactMap { zone -> String? in
            guard case .string(let id)? = zone["Id"] else { return nil }
            let bare = String(id.split(separator: "/").last ?? "")
            return bare.hasPrefix("Z") || bare.isEmpty ? nil : bare
        }
        guard !ids.isEmpty else { return }
        for file in try fm.subpathsOfDirectory(atPath: snapshot) where file.hasSuffix(".json") {
            let path = snapshot + "/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            var name = file
            for id in ids {
                text = text.replacingOccurrences(of: id, with: zoneID(id))
                name = name.replacingOccurrences(of: id, with: zoneID(id))
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            if name != file { try fm.moveItem(atPath: path, toPath: snapshot + "/" + name) }
        }
    }

    static func load(_ path: String) throws -> JSONValue {
        var parser = JSONParser(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return try parser.parse()
    }

    static func save(_ value: JSONValue, to path: String) throws {
        try Data(value.formatted().utf8).write(to: URL(fileURLWithPath: path))
    }

    static func cidrsBySubnet(_ output: JSONValue) throws -> [String: CIDR] {
        guard case .array(let items)? = output["Subnets"] else { return [:] }
        var out: [String: CIDR] = [:]
        for item in items {
            if case .string(let id)? = item["SubnetId"], case .string(let text)? = item["CidrBlock"], let cidr = CIDR(text) { out[id] = cidr }
        }
        return out
    }

    static func map(_ output: JSONValue, list: String, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .array(let items)? = output[list] else { return output }
        return set(output, list, .array(items.map(transform)))
    }

    static func set(_ object: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append((key, value)) }
        return .object(members)
    }
}

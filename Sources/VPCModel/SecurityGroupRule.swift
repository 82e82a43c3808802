/// One inbound rule: a protocol, what of it the rule allows (ports, or an ICMP type and code) and
/// where traffic may come from.
public struct SecurityGroupRule: Equatable, Sendable {
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        case cidr(CIDR)
        case securityGroup(String)
        case prefixList(String)

        public var description: String {
            switch self {
            case .cidr(let c): c.description
            case .securityGroup(let id), .prefixList(let id): id
            }
        }
    }

    public var ipProtocol: IPProtocol
    /// What the rule allows of its protocol; `.all` for every port, or every ICMP type and code.
    public var range: TrafficRange
    public var sources: [Source]
    public var description: String?
    public var origin: Origin

    public init(ipProtocol: IPProtocol, range: TrafficRange = .all, sources: [Source], description: String? = nil, origin: Origin = Origin()) {
        self.ipProtocol = ipProtocol
        self.range = range
        self.sources = sources
        self.description = description
        self.origin = origin
    }
}

/// An IP protocol as security group rules name it: all traffic (`-1`), a name, or another protocol
/// by its number.
public enum IPProtocol: Hashable, Sendable, CustomStringConvertible {
    case all, tcp, udp, icmp, icmpv6
    /// Any other protocol by its number (0–255, never 1, 6, 17 or 58, which have names), e.g. 50 (ESP).
    /// AWS allows every port of such a protocol, whatever port range the rule gives.
    case number(Int)

    public enum ParseError: Error, Equatable, Sendable {
        case unknown
        case outOfRange(Int)
    }

    /// Reads `all` or `-1`, `tcp`, `udp`, `icmp`, `icmpv6` (any case), or a protocol number 0–255;
    /// 1, 6, 17 and 58 become `icmp`, `tcp`, `udp` and `icmpv6`, as AWS writes them.
    public static func parse(_ text: String) -> Result<IPProtocol, ParseError> {
        switch text.lowercased() {
        case "all", "-1": return .success(.all)
        case "tcp": return .success(.tcp)
        case "udp": return .success(.udp)
        case "icmp": return .success(.icmp)
        case "icmpv6": return .success(.icmpv6)
        default: break
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return .failure(.unknown) }
        guard text.utf8.count <= 3, let number = Int(text), number <= 255 else {
            return .failure(.outOfRange(Int(text.prefix(12)) ?? Int.max))
        }
        switch number {
        case 1: return .success(.icmp)
        case 6: return .success(.tcp)
        case 17: return .success(.udp)
        case 58: return .success(.icmpv6)
        default: return .success(.number(number))
        }
    }

    public init?(_ text: String) {
        guard case .success(let value) = Self.parse(text) else { return nil }
        self = value
    }

    /// `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or the number (`50`): what the topology format writes.
    public var description: String {
        switch self {
        case .all: "all"
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmpv6: "icmpv6"
        case .number(let n): String(n)
        }
    }

    /// True for tcp and udp, the protocols whose rules give ports.
    public var hasPorts: Bool { self == .tcp || self == .udp }
    /// True for icmp and icmpv6, whose rules give an ICMP type and code in AWS's FromPort and ToPort.
    public var isICMP: Bool { self == .icmp || self == .icmpv6 }
}

/// Ports `from`…`to`, both included: 0 ≤ from ≤ to ≤ 65535 always holds.
public struct PortRange: Hashable, Sendable, CustomStringConvertible {
    public let from: Int
    public let to: Int

    public static let all = PortRange(from: 0, to: 65535)!

    public init?(from: Int, to: Int) {
        guard 0 <= from, from <= to, to <= 65535 else { return nil }
        self.from = from
        self.to = to
    }

    public init?(_ port: Int) {
        self.init(from: port, to: port)
    }

    public enum ParseError: Error, Equatable, Sendable {
        /// Not `443`, `1024-65535` or `all`.
        case malformed
        /// A port above 65535.
        case outOfRange(Int)
        /// `10-5`.
        case descending(from: Int, to: Int)
    }

    /// Reads `443`, `1024-65535` or `all` (every port).
    public static func parse(_ text: String) -> Result<PortRange, ParseError> {
        if text == "all" { return .success(.all) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return .failure(.malformed) }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return .failure(.malformed) }
            // Digits only, so the one failure left is a number too large for Int: out of range as well.
            let number = part.utf8.count <= 12 ? Int(part)! : Int.max
            if number > 65535 { return .failure(.outOfRange(number)) }
            numbers.append(number)
        }
        let (from, to) = (numbers[0], numbers.last!)
        guard let range = PortRange(from: from, to: to) else { return .failure(.descending(from: from, to: to)) }
        return .success(range)
    }

    /// `443` or `1024-65535`, as the topology format writes it.
    public var description: String { from == to ? "\(from)" : "\(from)-\(to)" }
}

/// An ICMP type, with one code or every code.
public struct ICMPFilter: Hashable, Sendable {
    /// 0–255.
    public let type: Int
    /// 0–255, or nil for every code.
    public let code: Int?

    public init?(type: Int, code: Int? = nil) {
        guard (0...255).contains(type), code.map({ (0...255).contains($0) }) ?? true else { return nil }
        self.type = type
        self.code = code
    }
}

/// What a rule allows of its protocol. AWS describes it with two numbers, `FromPort` and `ToPort`:
/// ports for tcp and udp, the ICMP type and code (`-1` for all) for icmp and icmpv6, nothing for
/// other protocols (every port is allowed).
public enum TrafficRange: Hashable, Sendable {
    /// Every port, or every ICMP type and code: also the only range of `all` traffic and of
    /// protocols given by number.
    case all
    /// tcp or udp ports; never 0–65535, which is `.all`.
    case ports(PortRange)
    /// An ICMP type (and code), for icmp or icmpv6.
    case icmp(ICMPFilter)
    /// `FromPort` and `ToPort` exactly as AWS reported them (nil: missing) when they are neither
    /// ports nor an ICMP type and code for the rule's protocol, e.g. `-1` with tcp, `70000`, or
    /// `FromPort` above `ToPort`. Kept as given, never widened to `.all`.
    case asReported(fromPort: Int?, toPort: Int?)

    /// Ports: `.all` for 0–65535.
    public init(ports: PortRange) {
        self = ports == .all ? .all : .ports(ports)
    }

    /// How AWS's `FromPort`/`ToPort` read for `ipProtocol` (nil: the member is missing).
    public init(ipProtocol: IPProtocol, fromPort: Int?, toPort: Int?) {
        switch ipProtocol {
        case .all, .number:
            // AWS: "-1 or a protocol number other than tcp, udp, icmp, or icmpv6 allows traffic on all ports,
            // regardless of any port range you specify".
            self = .all
        case .tcp, .udp:
            if let fromPort, let toPort, let range = PortRange(from: fromPort, to: toPort) {
                self.init(ports: range)
            } else {
                self = .asReported(fromPort: fromPort, toPort: toPort)
            }
        case .icmp, .icmpv6:
            switch (fromPort, toPort) {
            case (nil, nil), (-1, -1):
                self = .all
            case (let type?, -1):
                self = ICMPFilter(type: type).map(TrafficRange.icmp) ?? .asReported(fromPort: fromPort, toPort: toPort)
            case (let type?, let code?):
                self = ICMPFilter(type: type, code: code).map(TrafficRange.icmp) ?? .asReported(fromPort: fromPort, toPort: toPort)
            default:
                self = .asReported(fromPort: fromPort, toPort: toPort)
            }
        }
    }

    /// What the range allows, in words: `443`, `1024-65535`, `all`, `type 8 code all`,
    /// `FromPort -1 ToPort -1 (as AWS reports them)`. Nil for every port of a protocol with ports
    /// or numbered, where the Markdown templates write "all" or "all ports".
    public func text(for ipProtocol: IPProtocol) -> String? {
        switch self {
        case .all: ipProtocol.isICMP ? "all types and codes" : nil
        case .ports(let p): p.description
        case .icmp(let f): "type \(f.type) code \(f.code.map(String.init) ?? "all")"
        case .asReported(let from, let to):
            "FromPort \(from.map(String.init) ?? "(missing)") ToPort \(to.map(String.init) ?? "(missing)") (as AWS reports them)"
        }
    }

    /// Why `fromPort`/`toPort` are kept as reported, for warnings: "FromPort -1 and ToPort -1, which
    /// are not a tcp port range (0-65535, FromPort at most ToPort)".
    public static func reportedReason(ipProtocol: IPProtocol, fromPort: Int?, toPort: Int?) -> String {
        let values = "FromPort \(fromPort.map(String.init) ?? "(missing)") and ToPort \(toPort.map(String.init) ?? "(missing)")"
        let expected = ipProtocol.isICMP
            ? "an \(ipProtocol) type and code (0-255 each, -1 for all)"
            : "a \(ipProtocol) port range (0-65535, FromPort at most ToPort)"
        return "\(values), which are not \(expected)"
    }
}

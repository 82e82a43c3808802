/// An IPv4 or IPv6 address, kept as a 128-bit number so ranges compare simply.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Family: Sendable { case v4, v6 }

    public let family: Family
    /// IPv4 addresses use the low 32 bits of `low`.
    let high: UInt64
    let low: UInt64
    public let description: String

    public init?(_ text: String) {
        if text.contains(":") {
            guard let (h, l) = IPAddress.parseV6(text) else { return nil }
            (family, high, low) = (.v6, h, l)
        } else {
            guard let v = IPAddress.parseV4(text) else { return nil }
            (family, high, low) = (.v4, 0, UInt64(v))
        }
        description = text
    }

    /// `compressed`: IPv6 written as RFC 5952 does (the longest run of two or more zero groups as `::`).
    init(family: Family, high: UInt64, low: UInt64, compressed: Bool = false) {
        self.family = family
        self.high = high
        self.low = low
        if family == .v4 {
            let v = UInt32(low)
            description = [24, 16, 8, 0].map { String((v >> UInt32($0)) & 0xff) }.joined(separator: ".")
        } else {
            let words = (0..<8).map { i -> UInt64 in ((i < 4 ? high : low) >> UInt64(48 - 16 * (i % 4))) & 0xffff }
            let groups = words.map { String($0, radix: 16) }
            var best: Range<Int>?
            var i = 0
            while compressed && i < 8 {
                guard words[i] == 0 else { i += 1; continue }
                var j = i
                while j < 8 && words[j] == 0 { j += 1 }
                if j - i >= 2, j - i > (best?.count ?? 0) { best = i..<j }
                i = j
            }
            if let best {
                description = groups[..<best.lowerBound].joined(separator: ":") + "::" + groups[best.upperBound...].joined(separator: ":")
            } else {
                description = groups.joined(separator: ":")
            }
        }
    }

    var bitWidth: Int { family == .v4 ? 32 : 128 }

    public static func == (a: IPAddress, b: IPAddress) -> Bool {
        a.family == b.family && a.high == b.high && a.low == b.low
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(family)
        hasher.combine(high)
        hasher.combine(low)
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool {
        if a.family != b.family { return a.family == .v4 }
        return (a.high, a.low) < (b.high, b.low)
    }

    /// Keeps the first `prefix` bits.
    func masked(to prefix: Int) -> IPAddress {
        let shift = bitWidth - prefix
        func mask(_ bits: Int) -> UInt64 { bits >= 64 ? 0 : (bits <= 0 ? ~0 : ~0 << UInt64(bits)) }
        if family == .v4 {
            let m: UInt64 = shift >= 32 ? 0 : (0xffff_ffff << UInt64(shift)) & 0xffff_ffff
            return IPAddress(family: .v4, high: 0, low: low & m)
        }
        let lowMask = mask(shift)
        let highMask = mask(shift - 64)
        return IPAddress(family: .v6, high: high & highMask, low: low & lowMask)
    }

    private static func parseV4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255,
                  !(part.count > 1 && part.hasPrefix("0")) else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    private static func parseV6(_ text: String) -> (UInt64, UInt64)? {
        var halves: [String] = []
        var rest = Substring(text)
        while let index = rest.indices.first(where: { rest[$0...].hasPrefix("::") }) {
            halves.append(String(rest[..<index]))
            rest = rest[rest.index(index, offsetBy: 2)...]
        }
        halves.append(String(rest))
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(g.count), let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        let h = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let l = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (h, l)
    }
}

/// A CIDR block such as `10.0.1.0/24` or `::/0`. The address must be the network address.
public struct CIDR: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    public enum ParseError: Error, Equatable {
        case malformed
        case hostBitsSet(network: String)
    }

    public static func parse(_ text: String) -> Result<CIDR, ParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])),
              let prefix = Int(parts[1]), parts[1].allSatisfy(\.isNumber),
              (0...address.bitWidth).contains(prefix) else { return .failure(.malformed) }
        let network = address.masked(to: prefix)
        guard network == address else {
            return .failure(.hostBitsSet(network: "\(network)/\(prefix)"))
        }
        return .success(CIDR(address: address, prefixLength: prefix))
    }

    public init?(_ text: String) {
        guard case .success(let cidr) = CIDR.parse(text) else { return nil }
        self = cidr
    }

    private init(address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// The block of one address: `/32` for IPv4, `/128` for IPv6.
    public init(host: IPAddress) {
        self.init(address: host, prefixLength: host.bitWidth)
    }

    public var description: String { "\(address)/\(prefixLength)" }
    public var family: IPAddress.Family { address.family }
    /// `0.0.0.0/0` or `::/0`.
    public var isDefaultRoute: Bool { prefixLength == 0 }

    public func contains(_ ip: IPAddress) -> Bool {
        ip.family == family && ip.masked(to: prefixLength) == address
    }

    public func contains(_ other: CIDR) -> Bool {
        other.family == family && other.prefixLength >= prefixLength && contains(other.address)
    }

    public func overlaps(_ other: CIDR) -> Bool {
        contains(other) || other.contains(self)
    }

    public static func < (a: CIDR, b: CIDR) -> Bool {
        a.address != b.address ? a.address < b.address : a.prefixLength < b.prefixLength
    }

    /// The first `count` blocks of prefix length `newPrefix` inside this one, in address order, as
    /// CloudFormation's `Fn::Cidr` and Terraform's `cidrsubnet` number them; nil when `newPrefix` is
    /// shorter than this block's or longer than the address, or fewer than `count` blocks fit.
    public func subdivided(newPrefix: Int, count: Int) -> [CIDR]? {
        let width = address.bitWidth
        guard count >= 0, newPrefix >= prefixLength, newPrefix <= width else { return nil }
        let extra = newPrefix - prefixLength
        if extra < 62, count > 1 << extra { return nil }
        let step = width - newPrefix
        return (0..<count).map { n in
            // n << step, added to the 128-bit network address.
            let value = UInt64(n)
            let (addHigh, addLow): (UInt64, UInt64) = step >= 64 ? (value << UInt64(step - 64), 0)
                : (step == 0 ? 0 : value >> UInt64(64 - step), value << UInt64(step))
            let (low, carry) = address.low.addingReportingOverflow(addLow)
            let high = address.high &+ addHigh &+ (carry ? 1 : 0)
            return CIDR(address: IPAddress(family: address.family, high: high, low: low, compressed: true), prefixLength: newPrefix)
        }
    }
}

import Foundation

/// The prices the cost estimate uses, read from `prices.json` next to the templates. Prices are
/// decimal strings (`"0.045"`) so sums are exact and a user can paste them from the AWS pages.
public struct PriceTable: Sendable, Equatable {
    /// The day the prices were taken, as written.
    public var date: String
    /// The region the prices are for.
    public var region: String
    public var currency: String
    public var hoursPerMonth: Int
    /// Free text shown with the estimate (that prices vary by region, what is left out).
    public var note: String
    /// Prices by key (`interface_endpoint_per_az_hour`, …), each with the text as written.
    public var prices: [String: Price]

    public struct Price: Sendable, Equatable {
        public var text: String
        public var value: Decimal
    }

    /// The keys the cost estimate reads; a table must have them all.
    public static let requiredKeys = [
        "interface_endpoint_per_az_hour", "interface_endpoint_per_gb",
        "gateway_endpoint_per_hour", "gateway_endpoint_per_gb",
        "resolver_endpoint_per_eni_hour", "resolver_per_million_queries",
        "nat_gateway_per_hour", "nat_gateway_per_gb",
        "transit_gateway_per_attachment_hour", "transit_gateway_per_gb",
        "vpn_connection_per_hour",
    ]

    public struct ReadError: Error, Equatable {
        public var message: String
    }

    private struct File: Decodable {
        var date: String
        var region: String
        var currency: String
        var hours_per_month: Int
        var note: String
        var prices: [String: String]
    }

    public init(json: String) throws(ReadError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ReadError(message: "missing key '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ReadError(message: "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ReadError(message: "not valid JSON")
        }
        var prices: [String: Price] = [:]
        for (key, text) in file.prices {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
                  text.allSatisfy({ $0.isNumber || $0 == "." }) else {
                throw ReadError(message: "price '\(key)' is not a decimal number: '\(text)'")
            }
            prices[key] = Price(text: text, value: value)
        }
        if let missing = Self.requiredKeys.first(where: { prices[$0] == nil }) {
            throw ReadError(message: "missing price '\(missing)'")
        }
        guard file.hours_per_month > 0 else { throw ReadError(message: "'hours_per_month' must be positive") }
        date = file.date
        region = file.region
        currency = file.currency
        hoursPerMonth = file.hours_per_month
        note = file.note
        self.prices = prices
    }

    public subscript(key: String) -> Price { prices[key] ?? Price(text: "0", value: 0) }

    /// An amount with the currency: `$14.60` for USD (two decimals), else `14.60 EUR`.
    public func money(_ amount: Decimal, decimals: Int = 2) -> String {
        var value = amount, rounded = Decimal()
        NSDecimalRound(&rounded, &value, decimals, .plain)
        var text = "\(rounded)"
        if decimals > 0 {
            if !text.contains(".") { text += "." }
            let fraction = text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
            text += String(repeating: "0", count: max(0, decimals - fraction))
        }
        return currency == "USD" ? "$" + text : "\(text) \(currency)"
    }

    /// A rate as written in the table, with the currency: `$0.045`.
    public func rate(_ key: String) -> String {
        currency == "USD" ? "$" + self[key].text : "\(self[key].text) \(currency)"
    }
}

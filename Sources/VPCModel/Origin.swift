/// Where a model object and its fields were written. Locations do not take part in model
/// equality: a topology read from YAML equals the same topology imported from AWS.
public struct Origin: Hashable, Sendable {
    public var location: SourceLocation?
    /// Locations of individual fields, by key as written (`cidr`, `interfaces.subnet-0aa…`).
    public var fields: [String: SourceLocation]

    public init(_ location: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.location = location
        self.fields = fields
    }

    /// The location of a field, or of the object when the field was not written.
    public subscript(field: String) -> SourceLocation? { fields[field] ?? location }

    public static func == (_: Origin, _: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

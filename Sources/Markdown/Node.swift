/// A view-model node: what templates see. Keys are the names templates use. Absent keys are
/// looked up in the enclosing nodes; `NoValue` stops that.
///
/// Fields are kept in one small array and found by a linear scan: nodes hold a dozen fields at
/// most, and comparing short keys (stored inline in `String`) is cheaper than hashing them, which
/// the renderer would otherwise do for every name at every level of its stack.
struct Node: ViewValue, Sendable, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable {
        var key: String
        var value: TemplateValue
    }

    private var fields: [Field]

    init() { fields = [] }

    /// An empty node with room for `capacity` fields.
    init(capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    init(dictionaryLiteral elements: (String, any ViewValue)...) {
        fields = []
        fields.reserveCapacity(elements.count + 4)
        for (key, value) in elements { self[value: key] = value.viewValue }
    }

    /// The fields, in the order they were first set.
    var entries: [(key: String, value: TemplateValue)] { fields.map { ($0.key, $0.value) } }

    /// The number of fields.
    var count: Int { fields.count }
    var isEmpty: Bool { fields.isEmpty }

    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        return fields.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i].key.utf8.count == length && buffer[i].key == key { return i }
            return nil
        }
    }

    subscript(key: String) -> (any ViewValue)? {
        get { self[value: key] }
        set { self[value: key] = newValue?.viewValue }
    }

    /// The field's value as templates see it; setting nil removes the field.
    subscript(value key: String) -> TemplateValue? {
        get {
            guard let i = index(of: key) else { return nil }
            return fields[i].value
        }
        set {
            if let i = index(of: key) {
                if let newValue {
                    fields[i].value = newValue
                } else {
                    fields.remove(at: i)
                }
            } else if let newValue {
                fields.append(Field(key: key, value: newValue))
            }
        }
    }

    /// Sets a field (`.none` stores an explicit absence, as `NoValue` does).
    mutating func set(_ key: String, _ value: TemplateValue) {
        self[value: key] = value
    }

    /// Sets every field of `other` here, replacing fields of the same name.
    mutating func merge(_ other: Node) {
        for field in other.fields { self[value: field.key] = field.value }
    }

    var viewValue: TemplateValue { .node(self) }
}

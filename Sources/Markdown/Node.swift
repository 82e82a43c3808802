/// A view-model node: what templates see. Keys are the names templates use. Absent keys are
/// looked up in the enclosing nodes; `NoValue` stops that.
///
/// Fields are kept as two small parallel arrays and found by a linear scan: nodes hold a dozen
/// fields at most, and comparing short keys (stored inline in `String`) is cheaper than hashing
/// them, which the renderer would otherwise do for every name at every level of its stack.
struct Node: ViewValue, Sendable, ExpressibleByDictionaryLiteral {
    private var keys: [String]
    private var values: [TemplateValue]

    init() {
        keys = []
        values = []
    }

    init(dictionaryLiteral elements: (String, any ViewValue)...) {
        keys = []
        values = []
        keys.reserveCapacity(elements.count + 4)
        values.reserveCapacity(elements.count + 4)
        for (key, value) in elements { self[value: key] = value.viewValue }
    }

    /// The number of fields.
    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == length && keys[i] == key { return i }
        return nil
    }

    subscript(key: String) -> (any ViewValue)? {
        get { self[value: key] }
        set { self[value: key] = newValue?.viewValue }
    }

    /// The field's value as templates see it; setting nil removes the field.
    subscript(value key: String) -> TemplateValue? {
        get {
            guard let i = index(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = index(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Sets every field of `other` here, replacing fields of the same name.
    mutating func merge(_ other: Node) {
        for i in other.keys.indices { self[value: other.keys[i]] = other.values[i] }
    }

    var viewValue: TemplateValue { .node(self) }
}

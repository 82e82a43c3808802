import VPCModel
import VPCReaders
import Yams

/// Evaluates CloudFormation's intrinsic functions (short `!Tag` and long `Fn::` forms) and
/// conditions over the template's parameters, mappings and resources.
final class TemplateEvaluator {
    let file: String
    let region: String
    /// Parameter values: defaults, overridden by `--parameter`; nil for a parameter without either.
    var parameters: [String: TemplateValue?] = [:]
    var parameterTypes: [String: String] = [:]
    var mappings: [String: Node] = [:]
    var conditions: [String: Node] = [:]
    /// Logical id → resource type, for `!Ref`/`!GetAtt` of resources.
    var resourceTypes: [String: String] = [:]
    /// Logical id → the resource's `Properties`, for attributes the template itself gives (a VPC's `CidrBlock`).
    var resourceProperties: [String: Node] = [:]
    private var attributesInProgress: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// "Subnet 'PrivateA'": the resource being evaluated, for messages.
    var context = ""
    private var conditionValues: [String: Bool?] = [:]
    private var conditionsInProgress: Set<String> = []
    /// Whether `!GetAZs` was used (the note on the region says so).
    private(set) var usedAvailabilityZones = false

    init(file: String, region: String) {
        self.file = file
        self.region = region
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func error(_ message: String, at node: Node, rule: String) {
        diagnostics.append(.error(prefixed(message), at: location(node), rule: rule))
    }

    func warning(_ message: String, at node: Node, rule: String) {
        diagnostics.append(.warning(prefixed(message), at: location(node), rule: rule))
    }

    private func prefixed(_ message: String) -> String { context.isEmpty ? message : "\(context): \(message)" }

    /// The intrinsic functions, by their long name; the short tag is `!` and the name without `Fn::`.
    static let functions = ["Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::GetAZs", "Fn::If", "Fn::FindInMap",
                            "Fn::Split", "Fn::ImportValue", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
                            "Fn::Base64", "Fn::Cidr", "Fn::Length", "Fn::ToJsonString", "Fn::Transform", "Fn::GetStackOutput"]
    static let tags = functions.map { "!" + ($0.hasPrefix("Fn::") ? String($0.dropFirst(4)) : $0) }

    static func functionName(tag: String) -> String? {
        guard let i = tags.firstIndex(of: tag) else { return nil }
        return functions[i]
    }

    /// A node's tag when it is not a plain YAML one (`!Ref`, or an unknown `!Reff`).
    static func customTag(_ node: Node) -> String? {
        let name = node.tag.rawValue
        guard name.hasPrefix("!"), name != "!" else { return nil }
        return name
    }

    // MARK: - Values

    func evaluate(_ node: Node) -> TemplateValue {
        if let tag = Self.customTag(node) {
            guard let function = Self.functionName(tag: tag) else {
                var message = "unknown tag '\(IDRules.escaped(tag))'"
                if let suggestion = closestMatch(to: tag, in: Self.tags) { message += " (did you mean '\(suggestion)'?)" }
                error(message, at: node, rule: "cfn-unknown-tag")
                return TemplateValue(.unknown("an unknown tag"), at: location(node))
            }
            return call(function, argument: node, shortForm: true, at: node)
        }
        switch node {
        case .scalar(let s):
            if isNull(node) { return TemplateValue(.noValue, at: location(node)) }
            return TemplateValue(.string(s.string), at: location(node))
        case .sequence(let items):
            return TemplateValue(.list(items.map(evaluate)), at: location(node))
        case .mapping(let mapping):
            if mapping.count == 1, let (key, value) = mapping.first, let name = key.string,
               name == "Ref" || name.hasPrefix("Fn::") {
                guard Self.functions.contains(name) else {
                    var message = "unknown intrinsic function '\(IDRules.escaped(name))'"
                    if let suggestion = closestMatch(to: name, in: Self.functions) { message += " (did you mean '\(suggestion)'?)" }
                    error(message, at: key, rule: "cfn-unknown-tag")
                    return TemplateValue(.unknown("an unknown function"), at: location(node))
                }
                return call(name, argument: value, shortForm: false, at: node)
            }
            var entries: [(key: String, value: TemplateValue)] = []
            for (key, value) in mapping { entries.append((key.string ?? "", evaluate(value))) }
            return TemplateValue(.map(entries), at: location(node))
        case .alias:
            return TemplateValue(.unknown("an alias"), at: location(node))
        }
    }

    /// The argument of a function: for the short form the node itself without its tag.
    private func arguments(_ node: Node, shortForm: Bool) -> [Node]? {
        if shortForm, Self.customTag(node) != nil {
            switch node {
            case .sequence(let items): return Array(items)
            case .scalar, .mapping, .alias: return nil
            }
        }
        if case .sequence(let items) = node { return Array(items) }
        return nil
    }

    /// The scalar text of an argument, evaluating nested functions (`!Ref` inside `!GetAZs`).
    private func scalarArgument(_ node: Node, shortForm: Bool) -> TemplateValue {
        if shortForm, Self.customTag(node) != nil {
            if case .scalar(let s) = node { return TemplateValue(.string(s.string), at: location(node)) }
            return evaluate(untagged(node))  // `!Ref [a]`: the list, which the function refuses
        }
        return evaluate(node)
    }

    private func call(_ function: String, argument node: Node, shortForm: Bool, at site: Node) -> TemplateValue {
        let here = location(site)
        let display = shortForm ? (Self.customTag(site) ?? function) : function
        func unknown(_ why: String) -> TemplateValue { TemplateValue(.unknown(why), at: here) }
        func wrongShape(_ expected: String) -> TemplateValue {
            error("\(display) expects \(expected)", at: site, rule: "cfn-intrinsic")
            return unknown("a malformed \(display)")
        }
        switch function {
        case "Ref":
            guard let name = scalarArgument(node, shortForm: shortForm).string else { return wrongShape("the name of a parameter or resource") }
            return reference(name, at: site, display: "!Ref")
        case "Fn::GetAtt":
            var parts: [String] = []
            if let items = arguments(node, shortForm: shortForm) {
                parts = items.map { evaluate($0).string ?? "" }
            } else if let text = scalarArgument(node, shortForm: shortForm).string, let dot = text.firstIndex(of: ".") {
                parts = [String(text[..<dot]), String(text[text.index(after: dot)...])]
            }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return wrongShape("'resource.attribute' or [resource, attribute]") }
            guard resourceTypes[parts[0]] != nil else {
                var message = "!GetAtt '\(IDRules.escaped(parts[0])).\(IDRules.escaped(parts[1]))' names no resource of the template"
                if let suggestion = closestMatch(to: parts[0], in: resourceTypes.keys.sorted()) { message += " (did you mean '\(suggestion)'?)" }
                error(message, at: site, rule: "cfn-unresolved-ref")
                return unknown("an unresolved !GetAtt")
            }
            return attribute(parts[0], parts[1], at: here)
        case "Fn::Sub":
            var template: String?
            var variables: [String: TemplateValue] = [:]
            if let items = arguments(node, shortForm: shortForm) {
                guard items.count == 2 else { return wrongShape("a string, or [string, {variables}]") }
                template = evaluate(items[0]).string
                for entry in evaluate(items[1]).entries { variables[entry.key] = entry.value }
            } else {
                template = scalarArgument(node, shortForm: shortForm).string
            }
            guard let template else { return wrongShape("a string, or [string, {variables}]") }
            return substitute(template, variables: variables, at: site)
        case "Fn::Join":
            guard let items = arguments(node, shortForm: shortForm), items.count == 2, let delimiter = evaluate(items[0]).string else {
                return wrongShape("[delimiter, [values]]")
            }
            let list = evaluate(items[1])
            guard let values = list.list else { return derived(from: list, at: here) ?? wrongShape("[delimiter, [values]]") }
            var parts: [String] = []
            for value in values where !value.isNoValue {
                guard let s = value.string else { return derived(from: value, at: here) ?? unknown("a join of values known after deployment") }
                parts.append(s)
            }
            return TemplateValue(.string(parts.joined(separator: delimiter)), at: here)
        case "Fn::Select":
            guard let items = arguments(node, shortForm: shortForm), items.count == 2 else { return wrongShape("[index, [values]]") }
            let index = evaluate(items[0]), list = evaluate(items[1])
            guard let i = index.int else { return derived(from: index, at: here) ?? wrongShape("a whole number as index") }
            guard let values = list.list else { return derived(from: list, at: here) ?? wrongShape("[index, [values]]") }
            guard i >= 0, i < values.count else {
                error("!Select index \(i) is outside the list of \(values.count) values", at: site, rule: "cfn-intrinsic")
                return unknown("an index outside the list")
            }
            return values[i]
        case "Fn::GetAZs":
            let argument = scalarArgument(node, shortForm: shortForm)
            let name = argument.string.flatMap { $0.isEmpty ? nil : $0 } ?? region
            usedAvailabilityZones = true
            let zones = AvailabilityZones.names(region: name)
            return TemplateValue(.list(zones.map { TemplateValue(.string($0), at: here) }), at: here)
        case "Fn::If":
            guard let items = arguments(node, shortForm: shortForm), items.count == 3, let name = evaluate(items[0]).string else {
                return wrongShape("[condition, value if true, value if false]")
            }
            guard let value = condition(named: name, at: items[0]) else {
                warning("condition '\(IDRules.escaped(name))' of !If cannot be decided before deployment; the value if true is used", at: site, rule: "cfn-condition-unknown")
                return evaluate(items[1])
            }
            return evaluate(value ? items[1] : items[2])
        case "Fn::FindInMap":
            guard let items = arguments(node, shortForm: shortForm), items.count == 3 || items.count == 4 else {
                return wrongShape("[map, top-level key, second-level key]")
            }
            let keys = items.prefix(3).map(evaluate)
            guard let mapName = keys[0].string, let top = keys[1].string, let second = keys[2].string else {
                return keys.lazy.compactMap { self.derived(from: $0, at: here) }.first ?? unknown("a lookup of values known after deployment")
            }
            guard let map = mappings[mapName] else {
                var message = "!FindInMap names mapping '\(IDRules.escaped(mapName))', which the template does not have"
                if let suggestion = closestMatch(to: mapName, in: mappings.keys.sorted()) { message += " (did you mean '\(suggestion)'?)" }
                error(message, at: site, rule: "cfn-unresolved-ref")
                return unknown("an unresolved !FindInMap")
            }
            guard case .mapping(let level1) = map, let inner = level1[top], case .mapping(let level2) = inner, let value = level2[second] else {
                if items.count == 4 { return evaluate(items[3]) }
                error("mapping '\(IDRules.escaped(mapName))' has no '\(IDRules.escaped(top))' › '\(IDRules.escaped(second))'", at: site, rule: "cfn-unresolved-ref")
                return unknown("an unresolved !FindInMap")
            }
            return evaluate(value)
        case "Fn::Split":
            guard let items = arguments(node, shortForm: shortForm), items.count == 2, let delimiter = evaluate(items[0]).string, !delimiter.isEmpty else {
                return wrongShape("[delimiter, string]")
            }
            let source = evaluate(items[1])
            guard let text = source.string else { return derived(from: source, at: here) ?? unknown("a split of a value known after deployment") }
            let parts = text.split(separator: delimiter, omittingEmptySubsequences: false)
            return TemplateValue(.list(parts.map { TemplateValue(.string(String($0)), at: here) }), at: here)
        case "Fn::ImportValue":
            let name = scalarArgument(node, shortForm: shortForm)
            guard let text = name.string else { return unknown("an output of another stack") }
            return TemplateValue(.imported(text), at: here)
        case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
            // A condition used as a value: CloudFormation passes "true" or "false".
            guard let value = evaluateCondition(function, argument: node, shortForm: shortForm, at: site) else { return unknown("a condition known after deployment") }
            return TemplateValue(.string(value ? "true" : "false"), at: here)
        case "Fn::Cidr":
            guard let items = arguments(node, shortForm: shortForm), items.count == 3 else { return wrongShape("[ipBlock, count, cidrBits]") }
            return cidr(items.map(evaluate), display: display, at: site)
        case "Fn::Length":
            let value = evaluate(shortForm ? untagged(node) : node)
            guard let items = value.list else { return derived(from: value, at: here) ?? wrongShape("a list") }
            return TemplateValue(.string(String(items.filter { !$0.isNoValue }.count)), at: here)
        case "Fn::ToJsonString":
            let value = evaluate(shortForm ? untagged(node) : node)
            switch value.kind {
            case .map, .list:
                guard let unknown = value.firstUnknown else {
                    return TemplateValue(.string(value.json(limit: Int.max) ?? ""), at: here)
                }
                return TemplateValue(unknown.kind, at: here)
            default: return derived(from: value, at: here) ?? wrongShape("a mapping or a list")
            }
        case "Fn::Base64":
            let value = scalarArgument(node, shortForm: shortForm)
            guard let text = value.string else { return derived(from: value, at: here) ?? wrongShape("a string") }
            return TemplateValue(.string(Base64.encode(Array(text.utf8))), at: here)
        default:
            warning("\(display) is not evaluated by vpcgraph; the value is treated as unknown", at: site, rule: "cfn-unsupported-intrinsic")
            return unknown("a value of \(display)")
        }
    }

    /// The node without its short-form tag (`!ToJsonString {…}` → the mapping).
    private func untagged(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar): scalar.tag = .implicit; return .scalar(scalar)
        case .sequence(var sequence): sequence.tag = .implicit; return .sequence(sequence)
        case .mapping(var mapping): mapping.tag = .implicit; return .mapping(mapping)
        case .alias: return node
        }
    }

    /// `Fn::Cidr [ipBlock, count, cidrBits]`: the first `count` blocks of `cidrBits` host bits
    /// (`8` → /24 in IPv4, /120 in IPv6) inside `ipBlock`, in address order.
    private func cidr(_ arguments: [TemplateValue], display: String, at site: Node) -> TemplateValue {
        let here = location(site)
        for argument in arguments { if let d = derived(from: argument, at: here) { return d } }
        guard let text = arguments[0].string, let block = CIDR(text) else {
            error("\(display)'s ipBlock \(arguments[0].summary) is not a CIDR block", at: site, rule: "cfn-intrinsic")
            return TemplateValue(.unknown("a malformed \(display)"), at: here)
        }
        guard let count = arguments[1].int, (1...256).contains(count) else {
            error("\(display)'s count \(arguments[1].summary) is not a whole number from 1 to 256", at: site, rule: "cfn-intrinsic")
            return TemplateValue(.unknown("a malformed \(display)"), at: here)
        }
        let width = block.family == .v4 ? 32 : 128
        guard let bits = arguments[2].int, bits >= 1, bits <= width - block.prefixLength else {
            error("\(display)'s cidrBits \(arguments[2].summary) is not a whole number from 1 to \(width - block.prefixLength) (the host bits of '\(block)')",
                  at: site, rule: "cfn-intrinsic")
            return TemplateValue(.unknown("a malformed \(display)"), at: here)
        }
        guard let blocks = block.subdivided(newPrefix: width - bits, count: count) else {
            error("\(display) asks for \(count) blocks of /\(width - bits) in '\(block)', which holds \(1 << (width - bits - block.prefixLength))",
                  at: site, rule: "cfn-intrinsic")
            return TemplateValue(.unknown("a malformed \(display)"), at: here)
        }
        return TemplateValue(.list(blocks.map { TemplateValue(.string($0.description), at: here) }), at: here)
    }

    /// Attributes that repeat a property the template gives: a VPC's or subnet's `CidrBlock`, a
    /// subnet's `AvailabilityZone`. Others are known after deployment only.
    func attribute(_ resource: String, _ name: String, at here: SourceLocation) -> TemplateValue {
        let repeated: [String: Set<String>] = ["AWS::EC2::VPC": ["CidrBlock"], "AWS::EC2::Subnet": ["CidrBlock", "AvailabilityZone"]]
        if let type = resourceTypes[resource], repeated[type]?.contains(name) == true,
           let properties = resourceProperties[resource], case .mapping(let p) = properties, let node = p[name],
           attributesInProgress.insert(resource).inserted {
            defer { attributesInProgress.remove(resource) }
            let saved = diagnostics.count
            let value = evaluate(node)
            diagnostics.removeSubrange(saved...)  // reported where the property is written
            if value.string != nil { return TemplateValue(value.kind, at: here) }
        }
        return TemplateValue(.attribute(resource, name), at: here)
    }

    /// A value computed from one known only after deployment keeps that origin (an endpoint's DNS
    /// name cut out of `DnsEntries` is still "the endpoint's DNS name").
    private func derived(from value: TemplateValue, at location: SourceLocation) -> TemplateValue? {
        switch value.kind {
        case .attribute, .ref, .imported, .unknown: TemplateValue(value.kind, at: location)
        default: nil
        }
    }

    /// `!Ref name`: a parameter's value, a pseudo parameter, or a resource.
    func reference(_ name: String, at site: Node, display: String) -> TemplateValue {
        let here = location(site)
        if let value = parameters[name] {
            guard let value else { return TemplateValue(.unknown("parameter '\(name)', which has no value"), at: here) }
            return TemplateValue(value.kind, at: here)
        }
        switch name {
        case "AWS::Region": return TemplateValue(.string(region), at: here)
        case "AWS::Partition": return TemplateValue(.string(region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"), at: here)
        case "AWS::URLSuffix": return TemplateValue(.string(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"), at: here)
        case "AWS::NoValue": return TemplateValue(.noValue, at: here)
        case "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs":
            return TemplateValue(.unknown(name), at: here)
        default: break
        }
        if resourceTypes[name] != nil { return TemplateValue(.ref(name), at: here) }
        var message = "\(display) '\(IDRules.escaped(name))' is not a parameter or resource"
        let candidates = (Array(parameters.keys) + Array(resourceTypes.keys)).sorted()
        if let suggestion = closestMatch(to: name, in: candidates) { message += " (did you mean '\(suggestion)'?)" }
        error(message, at: site, rule: "cfn-unresolved-ref")
        return TemplateValue(.unknown("an unresolved reference"), at: here)
    }

    /// `!Sub`: `${Name}`, `${Resource.Attribute}`, `${!Literal}`.
    private func substitute(_ template: String, variables: [String: TemplateValue], at site: Node) -> TemplateValue {
        let here = location(site)
        var out = ""
        var firstUnknown: TemplateValue?
        var rest = Substring(template)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "}") else { out += rest[start.lowerBound...]; rest = ""; break }
            let name = String(after[..<end])
            rest = after[after.index(after: end)...]
            if name.hasPrefix("!") { out += "${" + name.dropFirst() + "}"; continue }
            let value: TemplateValue
            if let v = variables[name] {
                value = v
            } else if name.contains("."), !name.hasPrefix("AWS::"), let dot = name.firstIndex(of: ".") {
                let resource = String(name[..<dot])
                guard resourceTypes[resource] != nil else {
                    var message = "!Sub '${\(IDRules.escaped(name))}' names no resource of the template"
                    if let suggestion = closestMatch(to: resource, in: resourceTypes.keys.sorted()) { message += " (did you mean '\(suggestion)'?)" }
                    error(message, at: site, rule: "cfn-unresolved-ref")
                    return TemplateValue(.unknown("an unresolved reference"), at: here)
                }
                value = attribute(resource, String(name[name.index(after: dot)...]), at: here)
            } else {
                value = reference(name, at: site, display: "!Sub '${\(name)}':")
            }
            if let s = value.string { out += s } else {
                if firstUnknown == nil { firstUnknown = value }
                out += "${\(name)}"
            }
        }
        out += rest
        if let firstUnknown { return TemplateValue(firstUnknown.kind, at: here) }
        return TemplateValue(.string(out), at: here)
    }

    // MARK: - Conditions

    /// A named condition's value; nil when it depends on what only deployment knows.
    func condition(named name: String, at site: Node) -> Bool? {
        if let value = conditionValues[name] { return value }
        guard let node = conditions[name] else {
            var message = "condition '\(IDRules.escaped(name))' is not defined in the template's Conditions"
            if let suggestion = closestMatch(to: name, in: conditions.keys.sorted()) { message += " (did you mean '\(suggestion)'?)" }
            error(message, at: site, rule: "cfn-unresolved-ref")
            conditionValues[name] = .some(nil)
            return nil
        }
        guard conditionsInProgress.insert(name).inserted else {
            error("condition '\(IDRules.escaped(name))' depends on itself", at: site, rule: "cfn-condition-cycle")
            return nil
        }
        let saved = context
        context = ""
        let value = evaluateCondition(node)
        context = saved
        conditionsInProgress.remove(name)
        conditionValues[name] = .some(value)
        return value
    }

    func evaluateCondition(_ node: Node) -> Bool? {
        if let tag = Self.customTag(node), let function = Self.functionName(tag: tag) {
            return evaluateCondition(function, argument: node, shortForm: true, at: node)
        }
        if case .mapping(let mapping) = node, mapping.count == 1, let (key, value) = mapping.first, let name = key.string,
           ["Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition"].contains(name) {
            return evaluateCondition(name, argument: value, shortForm: false, at: node)
        }
        let value = evaluate(node)
        if let b = value.bool { return b }
        if value.string != nil { error("expected a condition (!Equals, !And, !Or, !Not, !Condition), found \(value.summary)", at: node, rule: "cfn-intrinsic") }
        return nil
    }

    private func evaluateCondition(_ function: String, argument node: Node, shortForm: Bool, at site: Node) -> Bool? {
        switch function {
        case "Condition":
            guard let name = scalarArgument(node, shortForm: shortForm).string else { return nil }
            return condition(named: name, at: site)
        case "Fn::Equals":
            guard let items = arguments(node, shortForm: shortForm), items.count == 2 else {
                error("!Equals expects [value, value]", at: site, rule: "cfn-intrinsic")
                return nil
            }
            let a = evaluate(items[0]), b = evaluate(items[1])
            if let x = a.string, let y = b.string { return x == y }
            if let x = a.list?.map(\.string), let y = b.list?.map(\.string), !x.contains(nil), !y.contains(nil) { return x == y }
            return nil
        case "Fn::Not":
            guard let items = arguments(node, shortForm: shortForm), items.count == 1 else {
                error("!Not expects [condition]", at: site, rule: "cfn-intrinsic")
                return nil
            }
            return evaluateCondition(items[0]).map { !$0 }
        case "Fn::And", "Fn::Or":
            guard let items = arguments(node, shortForm: shortForm), (2...10).contains(items.count) else {
                error("\(function == "Fn::And" ? "!And" : "!Or") expects a list of 2 to 10 conditions", at: site, rule: "cfn-intrinsic")
                return nil
            }
            let values = items.map(evaluateCondition)
            if function == "Fn::And" {
                if values.contains(false) { return false }
                return values.contains(nil) ? nil : true
            }
            if values.contains(true) { return true }
            return values.contains(nil) ? nil : false
        default:
            return nil
        }
    }
}

/// The availability zones `!GetAZs` returns, in order. AWS returns the zones the account can use,
/// which differ between accounts; these are the zones every account has, by region.
enum AvailabilityZones {
    static let letters: [String: String] = [
        "us-east-1": "abcdef", "us-east-2": "abc", "us-west-1": "ac", "us-west-2": "abcd",
        "eu-west-1": "abc", "eu-west-2": "abc", "eu-west-3": "abc", "eu-central-1": "abc", "eu-central-2": "abc",
        "eu-north-1": "abc", "eu-south-1": "abc", "eu-south-2": "abc", "ca-central-1": "abd", "sa-east-1": "abc",
        "ap-northeast-1": "acd", "ap-northeast-2": "abcd", "ap-northeast-3": "abc", "ap-southeast-1": "abc",
        "ap-southeast-2": "abc", "ap-south-1": "abc", "ap-east-1": "abc", "me-south-1": "abc", "af-south-1": "abc",
    ]

    static func knows(_ region: String) -> Bool { letters[region] != nil }

    static func names(region: String) -> [String] {
        (letters[region] ?? "abc").map { region + String($0) }
    }
}

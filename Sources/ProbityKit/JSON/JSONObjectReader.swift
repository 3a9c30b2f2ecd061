/// Collects the problems found while reading one knowledge file.
final class IssueCollector {
    let file: String
    private(set) var issues: [KnowledgeIssue] = []

    init(file: String) { self.file = file }

    func report(_ path: JSONPath, _ message: String, at position: SourcePosition?) {
        issues.append(KnowledgeIssue(file: file, path: path, message: message, position: position))
    }
}

/// Reads the members of one JSON object, reporting a missing member, a wrong
/// type or an unknown member with its JSON path, and carrying on.
struct JSONObjectReader {
    let value: JSONValue
    let path: JSONPath
    let issues: IssueCollector
    private let members: [(key: String, value: JSONValue)]

    /// Returns nil (after reporting) when `value` is not an object.
    init?(_ value: JSONValue, path: JSONPath, issues: IssueCollector) {
        guard case .object(let members) = value.kind else {
            issues.report(path, "expected an object, found \(value.typeName)", at: value.position)
            return nil
        }
        self.value = value
        self.path = path
        self.issues = issues
        self.members = members
    }

    var position: SourcePosition { value.position }

    subscript(key: String) -> JSONValue? {
        members.first(where: { $0.key == key })?.value
    }

    /// Reports members that the format does not define (usually a typo).
    func rejectUnknownKeys(allowed: Set<String>) {
        for (key, member) in members where !allowed.contains(key) && key != "$schema" {
            let known = allowed.sorted().joined(separator: ", ")
            issues.report(path.appending(key), "unknown field \"\(key)\"; the fields here are: \(known)", at: member.position)
        }
    }

    func string(_ key: String) -> String? {
        guard let member = self[key] else {
            issues.report(path.appending(key), "missing required field \"\(key)\"", at: position)
            return nil
        }
        return stringValue(member, at: path.appending(key))
    }

    func nonEmptyString(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            issues.report(path.appending(key), "must not be empty", at: self[key]?.position)
            return nil
        }
        return text
    }

    func optionalString(_ key: String) -> String? {
        guard let member = self[key] else { return nil }
        if case .null = member.kind { return nil }
        return stringValue(member, at: path.appending(key))
    }

    func stringValue(_ member: JSONValue, at path: JSONPath) -> String? {
        guard case .string(let text) = member.kind else {
            issues.report(path, "expected a string, found \(member.typeName)", at: member.position)
            return nil
        }
        return text
    }

    func bool(_ key: String, default defaultValue: Bool? = nil) -> Bool? {
        guard let member = self[key] else {
            if let defaultValue { return defaultValue }
            issues.report(path.appending(key), "missing required field \"\(key)\"", at: position)
            return nil
        }
        guard case .bool(let flag) = member.kind else {
            issues.report(path.appending(key), "expected true or false, found \(member.typeName)", at: member.position)
            return nil
        }
        return flag
    }

    func optionalInt(_ key: String) -> Int? {
        guard let member = self[key] else { return nil }
        guard case .number(let number) = member.kind, number == number.rounded(), number >= 0 else {
            issues.report(path.appending(key), "expected a whole number, found \(member.typeName)", at: member.position)
            return nil
        }
        return Int(number)
    }

    /// A required array; `each` reads one element and may return nil after reporting.
    func array<T>(_ key: String, required: Bool = true, _ each: (JSONValue, JSONPath) -> T?) -> [T]? {
        guard let member = self[key] else {
            if required { issues.report(path.appending(key), "missing required field \"\(key)\"", at: position) }
            return required ? nil : []
        }
        guard case .array(let elements) = member.kind else {
            issues.report(path.appending(key), "expected an array, found \(member.typeName)", at: member.position)
            return nil
        }
        var result: [T] = []
        for (i, element) in elements.enumerated() {
            if let item = each(element, path.appending(key).appending(index: i)) { result.append(item) }
        }
        return result
    }

    /// A required array of finite numbers; nil, after reporting the first element that is not one.
    func numberArray(_ key: String) -> [Double]? {
        guard let member = self[key] else {
            issues.report(path.appending(key), "missing required field \"\(key)\"", at: position)
            return nil
        }
        return Self.numbers(member, at: path.appending(key), issues: issues)
    }

    /// `value` as an array of finite numbers; nil, after reporting what is wrong with it.
    static func numbers(_ value: JSONValue, at path: JSONPath, issues: IssueCollector) -> [Double]? {
        guard case .array(let items) = value.kind else {
            issues.report(path, "expected an array of numbers, found \(value.typeName)", at: value.position)
            return nil
        }
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .number(let x) = item.kind, x.isFinite else {
                issues.report(path.appending(index: i), "expected a number, found \(item.typeName)", at: item.position)
                return nil
            }
            out.append(x)
        }
        return out
    }

    func stringArray(_ key: String, required: Bool = true) -> [String]? {
        array(key, required: required) { element, elementPath in stringValue(element, at: elementPath) }
    }

    /// A required object whose members are read in document order.
    func members(_ key: String) -> [(key: String, value: JSONValue, path: JSONPath)]? {
        guard let member = self[key] else {
            issues.report(path.appending(key), "missing required field \"\(key)\"", at: position)
            return nil
        }
        guard case .object(let entries) = member.kind else {
            issues.report(path.appending(key), "expected an object, found \(member.typeName)", at: member.position)
            return nil
        }
        return entries.map { ($0.key, $0.value, path.appending(key).appending($0.key)) }
    }

    /// A string that must be one of a fixed set of words.
    func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key) else { return nil }
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            issues.report(path.appending(key), "\"\(text)\" is not one of \(allowed)", at: self[key]?.position)
            return nil
        }
        return value
    }
}

/// A location inside a JSON document, written the way an author reads it:
/// `nodes.capacity.options[2].next`. Appending is cheap (one small node), because the
/// loader makes a path for every value it reads but needs the text only for a problem.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    private final class Link: Sendable {
        let parent: Link?
        let component: Component
        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
        }
    }

    private let last: Link?

    private init(last: Link?) { self.last = last }

    public init(_ components: [Component] = []) {
        var link: Link? = nil
        for c in components { link = Link(parent: link, component: c) }
        last = link
    }

    public static let root = JSONPath()

    public var components: [Component] {
        var result: [Component] = []
        var link = last
        while let l = link {
            result.append(l.component)
            link = l.parent
        }
        return result.reversed()
    }

    public func appending(_ key: String) -> JSONPath {
        JSONPath(last: Link(parent: last, component: .key(key)))
    }

    public func appending(index: Int) -> JSONPath {
        JSONPath(last: Link(parent: last, component: .index(index)))
    }

    public static func == (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.components == rhs.components }
    public func hash(into hasher: inout Hasher) { hasher.combine(components) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let i):
                text += "[\(i)]"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

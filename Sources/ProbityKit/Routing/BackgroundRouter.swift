import Foundation

/// A router built on another thread while the chat greets the user and waits for the first line: indexing the
/// catalogue is the larger part of starting a chat, and nobody needs it before they have typed something.
public final class BackgroundRouter: @unchecked Sendable {
    private let condition = NSCondition()
    private var built: Router?

    /// Starts building at once, on another thread.
    public convenience init(knowledge: KnowledgeBase, thresholds: RoutingThresholds = .standard) {
        self.init { Router(knowledge: knowledge, thresholds: thresholds) }
    }

    /// Starts `make` at once, on another thread (reading the router's snapshot, or building it).
    public init(_ make: @escaping @Sendable () -> Router) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let router = make()
            condition.lock()
            built = router
            condition.broadcast()
            condition.unlock()
        }
    }

    /// A router already built.
    public init(_ router: Router) {
        built = router
    }

    /// The router, waiting for it if it is still being built.
    public var router: Router {
        condition.lock()
        defer { condition.unlock() }
        while built == nil { condition.wait() }
        return built!
    }
}

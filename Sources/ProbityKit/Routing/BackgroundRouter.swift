import Foundation

/// A router built on another thread while the chat greets the user and waits for the first line: indexing the
/// catalogue is the larger part of starting a chat, and nobody needs it before they have typed something.
public final class BackgroundRouter: @unchecked Sendable {
    private let condition = NSCondition()
    private var built: Router?

    /// Starts building at once, on another thread.
    public convenience init(knowledge: KnowledgeBase, thresholds: RoutingThresholds = .standard) {
        self.init(building: { Router(knowledge: knowledge, thresholds: thresholds) })
    }

    /// Starts `make` at once, on another thread (reading the router's snapshot, or building it).
    public init(building make: @escaping @Sendable () -> Router) {
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

    /// A router made only when first asked for: reading a snapshot takes a few milliseconds, less than it takes to
    /// type anything, and a chat that ends before anything is routed never spends them.
    public init(onFirstUse make: @escaping @Sendable () -> Router) {
        pending = make
    }

    private var pending: (@Sendable () -> Router)?

    /// The router, waiting for it if it is still being built (or making it now, the first time, if it waits for use).
    public var router: Router {
        condition.lock()
        defer { condition.unlock() }
        if built == nil, let make = pending {
            pending = nil
            built = make()
        }
        while built == nil { condition.wait() }
        return built!
    }
}

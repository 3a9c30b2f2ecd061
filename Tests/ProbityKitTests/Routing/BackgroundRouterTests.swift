import Foundation
import Testing

@testable import ProbityKit

/// The chat's router: built on another thread at once, or (with a snapshot to read) made when first used.
@Suite struct BackgroundRouterTests {
    static let router = Router(knowledge: RouterSnapshotTests.knowledge)

    /// Counts how often the router was made.
    private final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var current: Int { lock.withLock { value } }
    }

    @Test func aRouterMadeOnFirstUseIsMadeOnceAndOnlyWhenUsed() async {
        let count = Count()
        let routing = BackgroundRouter(onFirstUse: {
            count.add()
            return Self.router
        })
        #expect(count.current == 0, "nothing made before something is routed")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = routing.router.rank("a journalist rang me", limit: 3) } }
        }
        #expect(count.current == 1)
        #expect(routing.router.rank("a journalist rang me", limit: 3) == Self.router.rank("a journalist rang me", limit: 3))
    }

    @Test func aRouterBuiltInTheBackgroundIsWaitedFor() {
        let routing = BackgroundRouter(building: { Self.router })
        #expect(routing.router.rank("can I see the exempt report", limit: 3) == Self.router.rank("can I see the exempt report", limit: 3))
    }
}

import Foundation

/// The router for knowledge that passed the gate, from the snapshot named by the gate's signature.
extension KnowledgeCache {
    /// The router kept for this knowledge, else one built now (and kept once the knowledge has settled). A snapshot
    /// keeps the index only: the sentence encoder's second stage of the knowledge in `knowledgeDirectory` is attached
    /// to a router read from one, as `Router(knowledge:)` attaches it to one built.
    public func router(knowledgeDirectory: String, build: () throws -> Router) rethrows -> Router {
        let routers = RouterCache(directory: directory)
        let key = RouterSnapshot.key(knowledge: signature)
        if let router = routers.router(key: key) { return router.withSecondStage(directory: knowledgeDirectory) }
        let router = try build()
        if settled { routers.store(router, key: key) }
        return router
    }
}

extension KnowledgeCache {
    /// Whether a router snapshot is kept for this knowledge (reading it is quick; building it is not).
    public var hasRouter: Bool {
        access(RouterCache(directory: directory).path(RouterSnapshot.key(knowledge: signature)), R_OK) == 0
    }
}

extension Router {
    /// The router for `knowledge`: from the cache folder when the knowledge gate handed it one, else built.
    public static func cached(for knowledge: KnowledgeBase) -> Router {
        guard let cache = knowledge.cache else { return Router(knowledge: knowledge) }
        return cache.router(knowledgeDirectory: knowledge.directory) { Router(knowledge: knowledge) }
    }
}

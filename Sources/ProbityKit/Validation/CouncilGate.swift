import Foundation

/// The knowledge gate for one council at a time: a council's folder is used only once everything `probity validate`
/// checks in it has passed (its versions against their sources, its advice's references, shapes and cycles),
/// checked the first time the council is read and remembered by the council's `KnowledgeSignature` (its folder and
/// the catalogue's signature). So a command stats and checks only the councils it reads, and a damaged file in one
/// council does not stop commands about another. Shared by every copy of the knowledge the gate handed out; safe to
/// use from several threads.
final class CouncilGate: @unchecked Sendable {
    struct Outcome: Sendable {
        /// What `validate` finds in the council; empty when it passed.
        var issues: [KnowledgeIssue]
        /// The council's signature, taken before its folder was read (nil without a cache folder).
        var signature: KnowledgeSignature?
    }

    let verdicts: VerdictCache?
    /// The catalogue's signature, which each council's is taken together with.
    let catalogue: KnowledgeSignature?
    private let lock = NSLock()
    private var outcomes: [String: Outcome] = [:]

    init(verdicts: VerdictCache?, catalogue: KnowledgeSignature?) {
        self.verdicts = verdicts
        self.catalogue = catalogue
    }

    /// The council's outcome: known, remembered, or found now by validating the council's folder.
    func outcome(_ id: String, in knowledge: KnowledgeBase) -> Outcome {
        if let known = lock.withLock({ outcomes[id] }) { return known }
        guard knowledge.councilIDs.contains(id) else { return Outcome(issues: [], signature: nil) }
        var outcome = Outcome(issues: [], signature: nil)
        if let verdicts, let catalogue {
            outcome.signature = KnowledgeSignature.council(id, directory: knowledge.directory, catalogue: catalogue)
        }
        if let verdicts, let signature = outcome.signature, verdicts.isSound(signature) {
            // Passed before, and nothing in its folder or the catalogue has changed since.
        } else {
            outcome.issues = KnowledgeGate.councilIssues(id, in: knowledge.ungated)
            if outcome.issues.isEmpty, let verdicts, let signature = outcome.signature { verdicts.rememberSound(signature) }
        }
        return lock.withLock {
            if let first = outcomes[id] { return first }
            outcomes[id] = outcome
            return outcome
        }
    }

    /// Checks the councils not yet checked, spread over the cores (search, compare and validate read them all).
    func check(_ ids: [String], in knowledge: KnowledgeBase) {
        let missing = lock.withLock { ids.filter { outcomes[$0] == nil } }
        guard missing.count > 1 else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { i in _ = outcome(missing[i], in: knowledge) }
    }
}

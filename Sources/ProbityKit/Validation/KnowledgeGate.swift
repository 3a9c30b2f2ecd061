/// The one way a command that shows knowledge gets it: only after everything `probity validate` checks in what it
/// reads has passed (every clause against its source, every advice tree's shape and cycles, the files' encoding), so
/// that nothing unchecked is ever quoted. The gate is scoped to what a command reads: the catalogue is checked
/// before anything is used (routing, `ask` and `topics` read nothing else), and each council when it is first read
/// (`CouncilGate`: a walk or a chat reads one, search and compare all of them). Each verdict is remembered by the
/// `KnowledgeSignature` of what it covers, so the checks run once per state of the catalogue and of each council,
/// not once per command. (A signature is taken before the files are read: a file changed in the moment between the
/// two is read unchecked by that one command, and checked by the next.)
public enum KnowledgeGate {
    /// Everything `probity validate` finds wrong with the knowledge in `directory`, and the knowledge as read
    /// (every council, every advice file).
    public static func validate(directory: String) -> (knowledge: KnowledgeBase, issues: [KnowledgeIssue]) {
        let read = KnowledgeLoader.read(directory: directory)
        let issues = read.issues.isEmpty ? Validator.validate(read.knowledge) : read.issues.sorted()
        return (read.knowledge, issues)
    }

    /// `validate`, remembering the verdicts of the catalogue and of every council when everything is sound (their
    /// signatures taken before anything was read), so that later commands need not check again.
    public static func validate(directory: String, cache: VerdictCache?) -> (knowledge: KnowledgeBase, issues: [KnowledgeIssue]) {
        let catalogue = cache == nil ? nil : KnowledgeSignature.catalogue(directory: directory)
        let councils = catalogue.map { signature in
            KnowledgeLoader.councilIDs(directory: directory).ids.map { KnowledgeSignature.council($0, directory: directory, catalogue: signature) }
        }
        let (knowledge, issues) = validate(directory: directory)
        if issues.isEmpty, let cache, let catalogue, let councils {
            cache.rememberSound(catalogue)
            for case let council? in councils { cache.rememberSound(council) }
        }
        return (knowledge, issues)
    }

    /// Passes the catalogue, and the councils `councils` names, when they are known sound, else validates them;
    /// throws every problem `validate` finds in them.
    /// - Returns: the knowledge, its catalogue read, when the catalogue was validated now; nil when a remembered
    ///   verdict let it through.
    public static func check(directory: String, councils: KnowledgeLoader.Councils = .all, cache: VerdictCache?) throws(KnowledgeError)
        -> KnowledgeBase?
    {
        let (knowledge, validatedNow) = try gated(directory: directory, councils: councils, cache: cache)
        return validatedNow ? knowledge : nil
    }

    /// The catalogue's gate, and the catalogue's signature the verdict was looked up by (nil without a cache),
    /// taken before anything was read: a cache of something built from the catalogue (the router's snapshot) can be
    /// named by it too. Which councils there are is looked at every time (one listing): there must be one.
    /// - Returns: the knowledge, its catalogue read, when the catalogue was validated now; nil when a remembered
    ///   verdict let it through.
    public static func pass(directory: String, cache: VerdictCache?) throws(KnowledgeError)
        -> (validated: KnowledgeBase?, signature: KnowledgeSignature?)
    {
        let signature = cache == nil ? nil : KnowledgeSignature.catalogue(directory: directory)
        if let cache, let signature, cache.isSound(signature) {
            let listed = KnowledgeLoader.councilIDs(directory: directory)
            let issues = listed.issues.isEmpty ? Validator.councilListIssues(listed.ids) : listed.issues
            guard issues.isEmpty else { throw KnowledgeError(issues: issues.sorted(), directory: directory) }
            return (nil, signature)
        }
        let read = KnowledgeLoader.read(directory: directory, councils: .none, readAdvice: false)
        let issues =
            read.issues.isEmpty
            ? Validator.catalogue(read.knowledge) + Validator.councilListIssues(read.knowledge.councilIDs) : read.issues
        guard issues.isEmpty else { throw KnowledgeError(issues: Array(Set(issues)).sorted(), directory: directory) }
        if let cache, let signature { cache.rememberSound(signature) }
        return (read.knowledge, signature)
    }

    /// What `validate` finds in one council's folder, the catalogue already sound: what reading its identity and
    /// versions found, else every check of its own (`Validator.councils`). `knowledge` is read without the gate.
    static func councilIssues(_ id: String, in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        guard let entry = knowledge.councilRead(id: id) else { return [] }
        if !entry.issues.isEmpty { return entry.issues.sorted() }
        guard let folder = entry.folder else { return [] }
        return Array(Set(Validator.councils([folder], in: knowledge))).sorted()
    }

    /// The knowledge a command needs, after the gate: the catalogue, and the councils `councils` names checked now
    /// (others when first read; see `admit`). With a cache folder, the catalogue is read from the snapshot kept when
    /// this same catalogue (same signature) passed, and kept there when it was parsed; the knowledge carries its
    /// `KnowledgeCache` (fingerprints are remembered there).
    public static func load(directory: String, councils: KnowledgeLoader.Councils, cache: VerdictCache?) throws(KnowledgeError) -> KnowledgeBase {
        try gated(directory: directory, councils: councils, cache: cache).knowledge
    }

    /// `load`, and whether the catalogue was validated now (rather than let through on a remembered verdict).
    private static func gated(directory: String, councils: KnowledgeLoader.Councils, cache: VerdictCache?) throws(KnowledgeError) -> (
        knowledge: KnowledgeBase, validatedNow: Bool
    ) {
        let (validated, signature) = try pass(directory: directory, cache: cache)
        let kept = cache.flatMap { cache in signature.map { KnowledgeCache(verdicts: cache, signature: $0) } }
        var knowledge: KnowledgeBase
        if let validated {
            knowledge = validated
            kept?.keep(catalogue: knowledge.catalogue)
        } else if let snapshot = kept?.catalogue(knowledgeDirectory: directory) {
            knowledge = try KnowledgeLoader.load(directory: directory, councils: .none, knownSound: true, catalogue: snapshot)
        } else {
            knowledge = try KnowledgeLoader.load(directory: directory, councils: .none, knownSound: true)
            kept?.keep(catalogue: knowledge.catalogue)
        }
        knowledge.knownSound = true
        knowledge.councilGate = CouncilGate(verdicts: cache, catalogue: signature)
        knowledge.cache = kept
        try admit(councils, in: knowledge)
        return (knowledge, validated != nil)
    }

    /// Passes the councils `councils` names through the gate now (every one for `.all`); throws everything
    /// `validate` finds in them. Knowledge the gate handed out only.
    public static func admit(_ councils: KnowledgeLoader.Councils, in knowledge: KnowledgeBase) throws(KnowledgeError) {
        let ids: [String]
        switch councils {
        case .none: return
        case .only(let only): ids = only.filter(knowledge.councilIDs.contains)
        case .all: ids = knowledge.councilIDs
        }
        let issues = knowledge.issues(councils: ids)
        guard issues.isEmpty else { throw KnowledgeError(issues: issues, directory: knowledge.directory) }
    }
}

/// The one way a command that shows knowledge gets it: only after everything `probity validate` checks has passed
/// (every clause against its source, every advice tree's shape and cycles, the files' encoding), so that nothing
/// unchecked is ever quoted. The verdict is remembered by the knowledge's `KnowledgeSignature`, so the checks run
/// once per state of the knowledge, not once per command. (The signature is taken before the files are read: a file
/// changed in the moment between the two is read unchecked by that one command, and checked by the next.)
public enum KnowledgeGate {
    /// Everything `probity validate` finds wrong with the knowledge in `directory`, and the knowledge as read
    /// (every council, every advice file).
    public static func validate(directory: String) -> (knowledge: KnowledgeBase, issues: [KnowledgeIssue]) {
        let read = KnowledgeLoader.read(directory: directory)
        let issues = read.issues.isEmpty ? Validator.validate(read.knowledge) : read.issues.sorted()
        return (read.knowledge, issues)
    }

    /// Passes when the knowledge is known sound, else validates it; throws every problem `validate` finds.
    /// - Returns: the knowledge, fully read, when it was validated now; nil when a remembered verdict let it through.
    public static func check(directory: String, cache: VerdictCache?) throws(KnowledgeError) -> KnowledgeBase? {
        try pass(directory: directory, cache: cache).validated
    }

    /// `check`, and the signature the verdict was looked up by (nil without a cache), taken before anything was
    /// read: a cache of something built from the knowledge (the router's snapshot) can be named by it too.
    public static func pass(directory: String, cache: VerdictCache?) throws(KnowledgeError)
        -> (validated: KnowledgeBase?, signature: KnowledgeSignature?)
    {
        let signature = cache == nil ? nil : KnowledgeSignature.of(directory: directory)
        if let cache, let signature, cache.isSound(signature) { return (nil, signature) }
        let (knowledge, issues) = validate(directory: directory)
        guard issues.isEmpty else { throw KnowledgeError(issues: issues, directory: directory) }
        if let cache, let signature { cache.rememberSound(signature) }
        return (knowledge, signature)
    }

    /// The knowledge a command needs (`councils` read now, others when first asked for), after the gate. With a cache
    /// folder, the catalogue is read from the snapshot kept when this same knowledge (same signature) passed, and
    /// kept there when it was parsed; the knowledge carries its `KnowledgeCache` (fingerprints are remembered there).
    public static func load(directory: String, councils: KnowledgeLoader.Councils, cache: VerdictCache?) throws(KnowledgeError) -> KnowledgeBase {
        let (validated, signature) = try pass(directory: directory, cache: cache)
        let kept = cache.flatMap { cache in signature.map { KnowledgeCache(verdicts: cache, signature: $0) } }
        var knowledge: KnowledgeBase
        if let validated {
            knowledge = validated
            knowledge.knownSound = true
            kept?.keep(catalogue: knowledge.catalogue)
        } else if let snapshot = kept?.catalogue(knowledgeDirectory: directory) {
            knowledge = try KnowledgeLoader.load(directory: directory, councils: councils, knownSound: true, catalogue: snapshot)
        } else {
            knowledge = try KnowledgeLoader.load(directory: directory, councils: councils, knownSound: true)
            kept?.keep(catalogue: knowledge.catalogue)
        }
        knowledge.cache = kept
        return knowledge
    }
}

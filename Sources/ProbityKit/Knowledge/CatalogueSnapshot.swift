import ProbityBytes

/// The catalogue as parsed, written to bytes and read back, so that a command need not parse 1.5 MB of JSON on every
/// run. It keeps each catalogue file's SHA-256 instead of its bytes (all the fingerprint needs) and whether the
/// catalogue has word vectors (read from `vectors.bin` only when a router is built). `KnowledgeCache` names it by the
/// knowledge gate's signature and writes it only after that knowledge passed the gate.
enum CatalogueSnapshot {
    static let magic: [UInt8] = Array("PROBITY-CATALOGUE-3\n".utf8)

    /// - Parameter signature: the key of the signature the catalogue was read under, written in so that a snapshot
    ///   copied or renamed to another name is not taken for that knowledge.
    static func encode(_ catalogue: Catalogue, signature: String) -> [UInt8] {
        var w = ByteWriter()
        w.bytes(magic)
        w.string(signature)
        w.int(catalogue.topics.count)
        for topic in catalogue.topics {
            w.string(topic.id)
            w.string(topic.title)
            w.string(topic.summary)
            w.string(topic.audience.rawValue)
            w.strings(topic.examples)
            // Length first, so that a reader can step over the facts and decode them only when they are used.
            var facts = ByteWriter()
            writeFacts(topic.facts, to: &facts)
            w.int(facts.out.count)
            w.bytes(facts.out)
            w.string(topic.file)
        }
        writeFacts(catalogue.sharedFacts, to: &w)
        w.strings(catalogue.background)
        writeSubjects(catalogue.outOfScope, to: &w)
        w.int(catalogue.files.count)
        for file in catalogue.files {
            w.string(file.path)
            w.string(file.digest)
        }
        w.bool(catalogue.wordVectors.vectors != nil)
        return w.out
    }

    /// The catalogue these bytes hold, its word vectors to be read from `vectorsPath`; nil when they are not a
    /// snapshot of the knowledge with this signature that this version can read (the catalogue is then parsed).
    static func decode(_ bytes: [UInt8], signature: String, vectorsPath: String) -> Catalogue? {
        decode(ByteStorage(copying: bytes), signature: signature, vectorsPath: vectorsPath)
    }

    static func decode(_ bytes: ByteStorage, signature: String, vectorsPath: String) -> Catalogue? {
        var r = ByteReader(bytes)
        guard r.bytes(magic.count) == magic, r.string() == signature else { return nil }
        var catalogue = Catalogue()
        guard
            let topics = r.array({ r -> Topic? in
                guard let id = r.string(), let title = r.string(), let summary = r.string(),
                    let audience = r.string().flatMap(Audience.init(rawValue:)), let examples = r.strings(),
                    let length = r.count(), let start = r.skip(length), let file = r.string()
                else { return nil }
                // Checked now without making a string (so decoding them later cannot fail), decoded when first used.
                var skim = ByteReader(bytes, range: start..<start + length)
                guard readFacts(&skim, decoding: false) != nil, skim.atEnd else { return nil }
                let facts = FactSource {
                    var reader = ByteReader(bytes, range: start..<start + length)
                    return readFacts(&reader) ?? []
                }
                return Topic(id: id, title: title, summary: summary, audience: audience, examples: examples, facts: facts, file: file)
            }),
            let sharedFacts = readFacts(&r), let background = r.strings(), let outOfScope = readSubjects(&r),
            let files = r.array({ r -> KnowledgeFile? in
                guard let path = r.string(), let digest = r.string(), SHA256.isHex(digest) else { return nil }
                return KnowledgeFile(path: path, digest: digest)
            }),
            let hasVectors = r.bool(), r.atEnd
        else { return nil }
        catalogue.topics = topics
        catalogue.sharedFacts = sharedFacts
        catalogue.background = background
        catalogue.outOfScope = outOfScope
        catalogue.files = files
        catalogue.wordVectors = hasVectors ? WordVectorSource(path: vectorsPath) : .none
        return catalogue
    }

    static let subjectsMagic: [UInt8] = Array("PROBITY-SCOPE-1\n".utf8)

    /// The catalogue's subjects outside the protocols alone, for `ask` (which reads nothing else of the catalogue).
    static func encode(subjects: [OutOfScopeSubject], signature: String) -> [UInt8] {
        var w = ByteWriter()
        w.bytes(subjectsMagic)
        w.string(signature)
        writeSubjects(subjects, to: &w)
        return w.out
    }

    /// The subjects these bytes hold; nil when they are not subjects of the knowledge with this signature.
    static func decodeSubjects(_ bytes: ByteStorage, signature: String) -> [OutOfScopeSubject]? {
        var r = ByteReader(bytes)
        guard r.bytes(subjectsMagic.count) == subjectsMagic, r.string() == signature, let subjects = readSubjects(&r), r.atEnd else { return nil }
        return subjects
    }

    private static func writeSubjects(_ subjects: [OutOfScopeSubject], to w: inout ByteWriter) {
        w.int(subjects.count)
        for subject in subjects {
            w.string(subject.id)
            w.string(subject.title)
            w.string(subject.ruleLivesIn)
            w.string(subject.reply)
            w.strings(subject.signals)
            w.string(subject.file)
            writePosition(subject.position, to: &w)
        }
    }

    private static func readSubjects(_ r: inout ByteReader) -> [OutOfScopeSubject]? {
        r.array { r -> OutOfScopeSubject? in
            guard let id = r.string(), let title = r.string(), let lives = r.string(), let reply = r.string(),
                let signals = r.strings(), let file = r.string(), let position = readPosition(&r)
            else { return nil }
            var subject = OutOfScopeSubject(id: id, title: title, ruleLivesIn: lives, reply: reply, signals: signals)
            subject.file = file
            subject.position = position
            return subject
        }
    }

    private static func writeFacts(_ facts: [Fact], to w: inout ByteWriter) {
        w.int(facts.count)
        for fact in facts {
            w.string(fact.key)
            w.string(fact.localID)
            w.string(fact.prompt.member)
            w.string(fact.prompt.officer)
            w.string(fact.help)
            w.bool(fact.multiple)
            w.int(fact.options.count)
            for option in fact.options {
                w.string(option.id)
                w.string(option.label)
                w.optionalString(option.says?.member)
                w.optionalString(option.says?.officer)
                w.strings(option.phrases)
            }
            w.string(fact.file)
            writePosition(fact.position, to: &w)
        }
    }

    /// - Parameter decoding: false to check the facts' shape only, making no strings (every string then comes back
    ///   empty: the facts are only to be counted).
    private static func readFacts(_ r: inout ByteReader, decoding: Bool = true) -> [Fact]? {
        func text(_ r: inout ByteReader) -> String? { decoding ? r.string() : r.skipString() }
        return r.array { r -> Fact? in
            guard let key = text(&r), let localID = text(&r), let member = text(&r), let officer = text(&r),
                let help = text(&r), let multiple = r.bool(),
                let options = r.array({ r -> FactOption? in
                    guard let id = text(&r), let label = text(&r), let member = decoding ? r.optionalString() : r.skipOptionalString(),
                        let officer = decoding ? r.optionalString() : r.skipOptionalString(),
                        let phrases = r.array({ text(&$0) })
                    else { return nil }
                    let says = member.flatMap { m in officer.map { RoleText(member: m, officer: $0) } }
                    return FactOption(id: id, label: label, says: says, phrases: phrases)
                }),
                let file = text(&r), let position = readPosition(&r)
            else { return nil }
            return Fact(
                key: key, localID: localID, prompt: RoleText(member: member, officer: officer), help: help, multiple: multiple,
                options: options, file: file, position: position)
        }
    }

    private static func writePosition(_ position: SourcePosition?, to w: inout ByteWriter) {
        w.bool(position != nil)
        if let position {
            w.int(position.line)
            w.int(position.column)
        }
    }

    /// A position: `.some(nil)` when none was written, nil when the bytes are not one.
    private static func readPosition(_ r: inout ByteReader) -> SourcePosition?? {
        guard let present = r.bool() else { return nil }
        guard present else { return .some(nil) }
        guard let line = r.int(), let column = r.int() else { return nil }
        return .some(SourcePosition(line: line, column: column))
    }
}

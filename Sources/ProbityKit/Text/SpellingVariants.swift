/// Folds American spellings (and a few British variants) to one form, so that `organize`,
/// `organise`, `color` and `colour` match. The protocols are British; users may not be.
/// Applied to lowercase words before stemming.
public enum SpellingVariants {
    public static func fold(_ word: String) -> String {
        if let direct = words[word] { return direct }
        guard word.utf8.count >= 4 else { return word }
        if let (american, british) = stemsByStart[String(decoding: word.utf8.prefix(4), as: UTF8.self)], word.hasPrefix(american) {
            return british + word.dropFirst(american.count)
        }
        // -ize/-yze families: organize, organized, organizing, organization, analyze.
        guard word.utf8.contains(0x7A) else { return word }
        for (american, british) in suffixes where word.hasSuffix(american) {
            let stem = word.dropLast(american.count)
            guard stem.count >= 2 else { return word }
            return stem + british
        }
        return word
    }

    /// Whole words, in whatever form a user might type them.
    private static let words: [String: String] = {
        var map: [String: String] = [
            "councilor": "councillor", "councilors": "councillors", "councilman": "councillor",
            "councilwoman": "councillor", "councilmember": "councillor", "councilmembers": "councillors",
            "licence": "license", "licences": "licenses",
            "practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
            "defense": "defence", "offense": "offence", "offenses": "offences", "pretense": "pretence",
            "program": "programme", "programs": "programmes",
            "judgment": "judgement", "judgments": "judgements", "acknowledgment": "acknowledgement",
            "aging": "ageing", "gray": "grey", "mom": "mum", "moms": "mums", "catalog": "catalogue",
            "dialog": "dialogue", "analog": "analogue", "enrollment": "enrolment", "fulfill": "fulfil",
            "fulfillment": "fulfilment", "skillful": "skilful", "willful": "wilful", "installment": "instalment",
            "inquiry": "enquiry", "inquiries": "enquiries", "inquire": "enquire", "inquired": "enquired",
            "inquiring": "enquiring", "jewelry": "jewellery", "plow": "plough",
            "mold": "mould", "cozy": "cosy", "tire": "tyre", "tires": "tyres", "curb": "kerb",
        ]
        for base in ["travel", "cancel", "counsel", "model", "label", "fuel", "signal", "total", "level", "channel", "marshal", "quarrel", "equal"] {
            for (american, british) in [("ed", "led"), ("ing", "ling"), ("er", "ler"), ("ers", "lers"), ("or", "lor"), ("ors", "lors")] {
                map[base + american] = base + british
            }
        }
        return map
    }()

    /// Word beginnings: behavior → behaviour (and behavioral, behaviors …), center → centre.
    private static let stems: [(String, String)] = [
        ("behavior", "behaviour"), ("color", "colour"), ("favor", "favour"), ("honor", "honour"),
        ("labor", "labour"), ("neighbor", "neighbour"), ("rumor", "rumour"), ("humor", "humour"),
        ("harbor", "harbour"), ("endeavor", "endeavour"), ("vigor", "vigour"), ("odor", "odour"),
        ("savior", "saviour"), ("parlor", "parlour"), ("flavor", "flavour"), ("candor", "candour"),
        ("clamor", "clamour"), ("armor", "armour"), ("valor", "valour"), ("rigor", "rigour"),
        ("center", "centre"), ("theater", "theatre"), ("fiber", "fibre"), ("somber", "sombre"),
    ]

    /// The stems by their first four letters (each begins differently), so a word costs one lookup.
    private static let stemsByStart: [String: (String, String)] = Dictionary(
        uniqueKeysWithValues: stems.map { (String($0.0.prefix(4)), $0) })

    /// Word endings, longest first so that -ization wins over -ize.
    private static let suffixes: [(String, String)] = [
        ("izations", "isations"), ("ization", "isation"), ("izers", "isers"), ("izer", "iser"),
        ("izing", "ising"), ("ized", "ised"), ("izes", "ises"), ("ize", "ise"),
        ("yzing", "ysing"), ("yzed", "ysed"), ("yzes", "yses"), ("yze", "yse"),
    ]
}

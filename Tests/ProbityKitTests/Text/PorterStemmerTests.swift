import Testing

@testable import ProbityKit

@Suite struct PorterStemmerTests {
    /// Pairs from Martin Porter's published vocabulary and output.
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("cats", "cat"), ("feed", "feed"),
        ("agreed", "agre"), ("plastered", "plaster"), ("motoring", "motor"), ("sing", "sing"),
        ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("falling", "fall"), ("filing", "file"), ("happy", "happi"), ("relational", "relat"),
        ("conditional", "condit"), ("valenci", "valenc"), ("digitizer", "digit"), ("vietnamization", "vietnam"),
        ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"),
        ("hopefulness", "hope"), ("formality", "formal"), ("sensitivity", "sensit"), ("sensibility", "sensibl"),
        ("triplicate", "triplic"), ("formative", "form"), ("electrical", "electr"), ("goodness", "good"),
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("adjustable", "adjust"), ("defensible", "defens"), ("replacement", "replac"), ("adoption", "adopt"),
        ("homologous", "homolog"), ("effective", "effect"), ("probate", "probat"), ("rate", "rate"),
        ("cease", "ceas"), ("controll", "control"), ("roll", "roll"), ("generalizations", "gener"),
    ])
    func stems(_ word: String, _ stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func joinsTheFormsOfAWord() {
        #expect(Set(["briefing", "briefings", "briefed"].map(PorterStemmer.stem)) == ["brief"])
        #expect(PorterStemmer.stem("confidentiality") == PorterStemmer.stem("confidential"))
    }

    @Test func leavesShortAndNonASCIIWordsAlone() {
        #expect(PorterStemmer.stem("is") == "is")
        #expect(PorterStemmer.stem("cafés") == "cafés")
        #expect(PorterStemmer.stem("2022") == "2022")
    }
}

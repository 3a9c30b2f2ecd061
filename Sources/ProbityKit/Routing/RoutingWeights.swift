/// The weights of the routing model: how much each part of a topic counts. The defaults were
/// chosen by cross-validation on the topics' own example phrasings (each fold's examples routed
/// by a router built without them), never on the held-out test questions.
public struct RoutingWeights: Sendable, Equatable {
    /// BM25F field weights: title, summary, example phrasings, the words of cited clauses.
    public var title = 3.0
    public var summary = 1.5
    public var examples = 1.0
    public var clauses = 0.1
    /// BM25F length normalisation per field (0: none, 1: full).
    public var titleLengthNormalisation = 0.0
    public var summaryLengthNormalisation = 0.3
    public var examplesLengthNormalisation = 0.5
    public var clausesLengthNormalisation = 0.75
    /// A term found only in a topic's clauses counts this much towards its document frequency.
    public var clauseOnlyFrequency = 0.25
    /// BM25 term-frequency saturation.
    public var k1 = 1.2
    /// How much a word corrected from a misspelling counts, against 1 for a word as typed.
    public var correction = 0.8
    /// How much a number counts (numbers rarely say what a question is about).
    public var number = 0.3

    /// Rank by a Dirichlet-smoothed language model (query likelihood against the topics'
    /// weighted word counts) instead of BM25F; 0 turns it off, otherwise it is the smoothing μ.
    public var languageModel = 1600.0

    /// How much a pair of neighbouring words (stop words skipped: "need know", "blind copi")
    /// counts, on top of the words themselves; 0 turns pairs off.
    public var pairs = 0.0

    /// How much a concept from the `ConceptLexicon` counts beside the word that evokes it, in the
    /// ranking; 0 turns concepts off.
    public var concepts = 3.0
    /// How much a concept counts towards the confidence (the share of the question a topic
    /// explains, which decides "no match"): concepts are loose, so less than a word.
    public var conceptConfidence = 1.0
    /// The confidence is the explained weight over the question's total weight, but never over
    /// more than this: a long question full of names and places is not penalised for them
    /// beyond this cap (in idf units; a word special to one topic has an idf near 3); 0: no cap.
    public var confidenceCap = 8.0
    /// How sharply the language model separates topics: a runner-up's score is the best's times
    /// exp((its log-likelihood − the best's) / temperature).
    public var temperature = 1.0

    /// The share of the ranking that comes from the trained classifier's log-probability (the rest
    /// from the language model); 0 turns the classifier off.
    public var classifier = 0.6
    /// How much a concept counts as a feature of the classifier.
    public var classifierConcepts = 0.5
    /// The classifier's training: passes over the examples, learning rate, L2 regularisation.
    public var classifierEpochs = 5
    public var classifierRate = 0.3
    public var classifierL2 = 1e-4
    /// Each clause a topic cites also trains the classifier, as an example this much weaker; 0: not at all.
    public var classifierClauses = 0.0

    /// Added to the confidence when the question names someone or something the protocols govern
    /// (a councillor, an officer, a group, the cabinet, a committee …): such a question is almost
    /// surely within Probity's scope even when its other words are unusual.
    public var scopeBonus = 0.4

    /// The background class (`catalogue/background.json`: questions no topic answers): how fast the confidence falls
    /// as the question's log-likelihood under it exceeds the best topic's (plus `backgroundMargin`); 0: no background class.
    /// Issue 12, third pass: with the fine-tuned vectors a margin of 1 with `vectorConfidence` 3 (from 0.2) gives, in
    /// cross-validation with fold-distilled vectors, top-1 84.1% (main's weights and vectors: 83.0%), 273 of 334 held-out
    /// background questions refused (271) and 37 of 1,408 examples wrongly refused (36).
    /// Branch `refusal5`: the background grew from 334 to 921 questions (more varied off-topic and out-of-scope text), so
    /// its document and class are far larger than a topic's; the confidence now falls more gently (`background` 0.4) and
    /// each background question counts 0.2 of an example in the classifier (`backgroundTraining`): with the refitted
    /// vectors, CV top-1 83.9% (84.2%), 36 examples wrongly refused (37), 13 of 702 scenario messages (14), and more of
    /// the development off-topic questions refused (BENCHMARKS.md, "Refusal with more varied background text").
    public var background = 0.4
    public var backgroundMargin = 1.0
    /// Distilled word vectors (`catalogue/vectors.bin`): the share of the ranking that comes from the question's
    /// similarity to each topic's examples in the vectors' space; 0 turns them off.
    public var vectors = 1.0
    /// How many of a topic's nearest examples its similarity averages; how sharply similarities separate topics;
    /// how much the best topic's similarity adds to the confidence.
    public var vectorNeighbours = 3
    public var vectorTemperature = 0.05
    public var vectorConfidence = 3.0
    /// The vectors add to the confidence only when the topic already explains at least this share of the question by
    /// its words: a question with no word of any topic ("tell me a joke") is not made a match by its vector alone.
    public var vectorConfidenceFrom = 0.2
    /// How much each background question counts as a training example of the classifier, against 1 for a topic's.
    public var backgroundTraining = 0.2
    /// A fitted combination of the ranking's parts instead of the hand-set mix and refusal rules above; nil: the hand-set.
    /// Opt-in (`probity-bench --set learned=1|2`): the fitted refusal (`refusalOnly`) was better on every development
    /// measure, but measured once on both blind held-out sets it routed more out-of-scope questions to topics (v3:
    /// 78.3% to 59.4% not routed; v2: 78.6% to 69.6%) and, on v3, refused fewer off-topic ones (76.4% to 73.6%); see
    /// BENCHMARKS.md, "Fourth pass".
    public var learned: LearnedRouting? = nil
    /// Added to the learned refusal's intercept (`LearnedRouting.refusal`): above 0 refuses less, below 0 more.
    public var learnedShift = 0.0

    /// The sentence encoder's second stage (`EncoderSecondStage`) orders a question's topics when the hand-set order's
    /// first topic leads its second by less than this (of the combined score); 0 turns it off. Chosen on development
    /// data (`scripts/encoder-routing-part.py`, cross-fitted): at 3, about half of CV's examples and a third of the
    /// development scenario messages are encoded, CV ranks 90.6% first (hand-set 85.0%) and the scenario messages
    /// 81.9% (77.5%); larger margins encode more and gain nothing.
    public var secondStageMargin = 3.0
    /// The second stage's opinion on refusal (`Router.secondOpinionOnRefusal`): an accepted question whose best score
    /// is under `secondStageDoubtBelow` is refused when the encoder gives the background at least
    /// `secondStageBackground`; a refused one whose best score is at least `secondStageRescueFrom` is accepted when the
    /// encoder gives one topic at least `secondStageRescue`. Chosen on development data (cross-fitted CV and the
    /// development sets, BENCHMARKS.md): CV's background questions refused 775 of 916 (717 without), its examples
    /// wrongly refused 28 of 1,408 (35), the development scenario messages 14 of 702 (14).
    public var secondStageDoubtBelow = 0.8
    public var secondStageBackground = 0.8
    public var secondStageRescueFrom = 0.1
    public var secondStageRescue = 0.5

    public init() {}

    public static let standard = RoutingWeights()
}

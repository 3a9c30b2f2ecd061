import Testing

@testable import ProbityKit

@Suite struct WordDiffTests {
    @Test func marksAddedAndRemovedWords() {
        let changes = WordDiff.diff("members should take care not to place junior officers", "members should take care not to place officers in difficulty")
        #expect(
            MarkedTextWrapper.plain(DiffRun.marked(DiffRun.runs(changes)))
                == "members should take care not to place [-junior-] officers {+in difficulty+}")
    }

    @Test func typographyIsNotAChange() {
        #expect(!WordDiff.differ("the “Need to Know” – rule", "the \"Need to Know\" - rule"))
        #expect(!WordDiff.differ("a  b\nc", "a b c"))
        #expect(WordDiff.differ("a b c", "a b d"))
        #expect(WordDiff.diff("it’s so", "it's so").allSatisfy { if case .same = $0 { true } else { false } })
    }

    @Test func aRewriteIsShownAsOneBlockNotConfetti() {
        let old = "Members have a right to inspect any Council documents so far as access is necessary"
        let new = "Under common law Members have the right to access information where it is necessary"
        let runs = DiffRun.runs(WordDiff.diff(old, new))
        // "access", kept by chance between two larger changes, is folded into them; "right to",
        // between a one-word change and a longer one, stays.
        #expect(
            MarkedTextWrapper.plain(DiffRun.marked(runs))
                == "{+Under common law+} Members have [-a-] {+the+} right to [-inspect any Council documents so far as access-] {+access information where it+} is necessary"
        )
    }

    @Test func longUnchangedStretchesAreCut() {
        let same = (1...40).map { "w\($0)" }.joined(separator: " ")
        let marked = MarkedTextWrapper.plain(
            DiffRun.marked(DiffRun.runs(WordDiff.diff("start " + same + " end", "begin " + same + " end")), collapsingBeyond: 3))
        #expect(marked == "[-start-] {+begin+} w1 w2 w3 …")
    }
}

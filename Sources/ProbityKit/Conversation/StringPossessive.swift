extension String {
    /// "Carlisle's", "Tower Hamlets'".
    var possessive: String { hasSuffix("s") ? self + "'" : self + "'s" }
}

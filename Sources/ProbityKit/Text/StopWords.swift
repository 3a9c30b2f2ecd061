/// Words too common to say what a question or clause is about. "not" is deliberately absent:
/// "not members" and "non-members" must still match.
public enum StopWords {
    public static func contains(_ word: String) -> Bool { words.contains(word) }

    static let words: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "anyone",
        "anything", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing",
        "dont", "down", "during", "each", "eg", "etc", "even", "ever", "every", "few", "for", "from", "further",
        "get", "gets", "getting", "got", "had", "has", "hasnt", "have", "havent", "having", "he", "hello", "her",
        "here", "hers", "herself", "hes", "hi", "him", "himself", "his", "how", "i", "id", "ie", "if", "ill",
        "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "let", "lets", "me", "might",
        "more", "most", "much", "must", "my", "myself", "nor", "of", "off", "ok", "okay", "on", "once", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "please", "really", "same", "shall",
        "she", "shes", "should", "shouldnt", "so", "some", "someone", "something", "such", "than", "thank",
        "thanks", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "theres",
        "these", "they", "theyre", "theyve", "this", "those", "through", "to", "too", "under", "until", "up",
        "upon", "us", "very", "via", "was", "wasnt", "we", "were", "weve", "what", "whats", "when", "where",
        "whether", "which", "while", "who", "whom", "whos", "why", "will", "with", "wont", "would", "wouldnt",
        "yes", "you", "youre", "youve", "your", "yours", "yourself", "yourselves", "may", "s", "t",
    ]
}

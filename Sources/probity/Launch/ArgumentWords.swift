/// Reading an option's value out of raw command-line words, before (or without) parsing them.
enum ArgumentWords {
    /// The value given to `option` as `--option VALUE` or `--option=VALUE`, if any.
    static func value(of option: String, in words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
            if word == option, i + 1 < words.count { return words[i + 1] }
        }
        return nil
    }
}

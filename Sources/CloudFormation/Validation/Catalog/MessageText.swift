/// Values as messages quote them: short enough to read on one line.
enum MessageText {
    /// The value itself when short; otherwise its start and its length.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        let characters = text.count
        guard characters > limit else { return text }
        return String(text.prefix(limit)) + "…(\(characters) characters)"
    }
}

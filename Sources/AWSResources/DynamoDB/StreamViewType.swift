/// What a table's stream records carry for each changed item.
public enum StreamViewType: String, Hashable, Sendable, CaseIterable {
    /// The key attributes only.
    case keysOnly = "KEYS_ONLY"
    /// The item as it is after the change.
    case newImage = "NEW_IMAGE"
    /// The item as it was before the change.
    case oldImage = "OLD_IMAGE"
    /// Both.
    case newAndOldImages = "NEW_AND_OLD_IMAGES"
}

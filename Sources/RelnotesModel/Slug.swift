/// URL segments made from names: lowercase ASCII letters, digits, `-` and `_`.
public enum Slug {
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.first != "-" && slug.allSatisfy(isAllowed)
    }

    /// `Release Process` → `release-process`; letters outside ASCII are dropped.
    public static func make(from text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if isAllowed(character) {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }

    private static func isAllowed(_ character: Character) -> Bool {
        (character.isASCIILetter && character.isLowercase) || character.isASCIIDigit || character == "-" || character == "_"
    }
}

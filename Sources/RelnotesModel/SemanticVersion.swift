import Version

/// A SemVer 2.0.0 version, as written in a release record.
///
/// Ordering and equality are mxcl/Version's, which follow SemVer's precedence rules
/// (build metadata is ignored, numeric identifiers compare as numbers). Its parser is
/// lenient (it accepts `01.2.3` or `1.2.3-`), so `init(parsing:)` validates the text
/// against the grammar of semver.org first and explains what is wrong.
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The version exactly as written: used for folder names and display.
    public let text: String
    public let value: Version

    public var major: Int { value.major }
    public var minor: Int { value.minor }
    public var patch: Int { value.patch }
    /// A version with a pre-release part (`1.2.0-rc.1`) is a candidate of its core version.
    public var isPrerelease: Bool { !value.prereleaseIdentifiers.isEmpty }
    /// The release line this version belongs to, `1.2.x`.
    public var line: String { "\(major).\(minor).x" }
    /// `1.2.0` for `1.2.0-rc.1+build.5`.
    public var core: SemanticVersion {
        // A plain version is its own core: the grammar allows no leading zeros, so its text
        // is already the one written below. Asked for every release on every filtering.
        if value.prereleaseIdentifiers.isEmpty && value.buildMetadataIdentifiers.isEmpty { return self }
        return SemanticVersion(text: "\(major).\(minor).\(patch)", value: Version(major, minor, patch))
    }

    /// Parses `text`, or explains why it is not a SemVer 2.0.0 version.
    public init(parsing text: String) throws(SemanticVersionError) {
        try Self.validate(text)
        guard let value = Version(text) else { throw SemanticVersionError(reason: "it is not of the form MAJOR.MINOR.PATCH") }
        self.text = text
        self.value = value
    }

    private init(text: String, value: Version) {
        self.text = text
        self.value = value
    }

    public var description: String { text }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { lhs.value < rhs.value }
}

/// Why a text is not a SemVer 2.0.0 version.
public struct SemanticVersionError: Error, Sendable {
    public let reason: String
}

// MARK: - Validation against the grammar of semver.org

private extension SemanticVersion {
    static func validate(_ text: String) throws(SemanticVersionError) {
        if isPlainCore(text) { return }
        var rest = Substring(text)
        var build: Substring?
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prerelease: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3 else {
            throw SemanticVersionError(reason: "it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)")
        }
        for (name, number) in zip(["major", "minor", "patch"], core) {
            try validateNumber(number, name: "the \(name) version")
        }
        if let prerelease {
            for identifier in try identifiers(prerelease, part: "pre-release") where identifier.allSatisfy(\.isASCIIDigit) {
                try validateNumber(identifier, name: "the numeric pre-release identifier")
            }
        }
        if let build { _ = try identifiers(build, part: "build metadata") }
    }

    /// `MAJOR.MINOR.PATCH` of up to 18 digits each without a leading zero: what nearly
    /// every version is, valid without the checks below (which give the reasons otherwise).
    static func isPlainCore(_ text: String) -> Bool {
        var parts = 1, digits = 0, leadingZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return false }
                parts += 1
                digits = 0
                leadingZero = false
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), !leadingZero, digits < 18 else { return false }
                leadingZero = digits == 0 && byte == UInt8(ascii: "0")
                digits += 1
            }
        }
        return parts == 3 && digits > 0
    }

    static func validateNumber(_ number: Substring, name: String) throws(SemanticVersionError) {
        guard !number.isEmpty, number.allSatisfy(\.isASCIIDigit) else {
            throw SemanticVersionError(reason: "\(name) '\(number)' is not a number")
        }
        guard number == "0" || number.first != "0" else {
            throw SemanticVersionError(reason: "\(name) '\(number)' has a leading zero")
        }
        guard Int(number) != nil else {
            throw SemanticVersionError(reason: "\(name) '\(number)' is too large")
        }
    }

    static func identifiers(_ part: Substring, part name: String) throws(SemanticVersionError) -> [Substring] {
        let identifiers = part.split(separator: ".", omittingEmptySubsequences: false)
        for identifier in identifiers {
            guard !identifier.isEmpty else {
                throw SemanticVersionError(reason: "the \(name) part has an empty identifier")
            }
            guard identifier.allSatisfy({ $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }) else {
                throw SemanticVersionError(reason: "the \(name) identifier '\(identifier)' may hold only letters, digits and '-'")
            }
        }
        return identifiers
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
    package var isASCIILetter: Bool { isASCII && isLetter }
}

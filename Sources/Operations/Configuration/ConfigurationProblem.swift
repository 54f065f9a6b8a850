// SPDX-License-Identifier: GPL-2.0-or-later

/// One mistake in the configuration: what is wrong, the key (or flag) at fault and, when it comes
/// from the file, the file and line. `description` reads `watcherd.toml:12: settle_ms: must be ...`.
public struct ConfigurationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `syntax`, `unknown-key`, `wrong-type`, `out-of-range`, `not-allowed`,
    /// `missing`, `not-a-directory`, `not-writable`, `no-parent`, `same-directory`, `nested`,
    /// `unreadable-file`.
    public var code: String
    /// The key at fault (`nil` for a syntax error that names no key).
    public var key: String?
    /// The configuration file, when the value came from it.
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    /// The flag, when the value came from the command line.
    public var flag: String?
    public var message: String

    public init(
        code: String, key: String?, file: String? = nil, line: Int? = nil, flag: String? = nil, message: String
    ) {
        self.code = code
        self.key = key
        self.file = file
        self.line = line
        self.flag = flag
        self.message = message
    }

    public var description: String {
        var location = ""
        if let file { location = line.map { "\(file):\($0): " } ?? "\(file): " }
        let subject = flag ?? key
        return location + (subject.map { "\($0): " } ?? "") + message
    }
}

// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// The detected language (`language`): an ISO 639-1 code (`ar`, `en`, `fr`) or `und`.
    public struct Language: Codable, Sendable, Equatable {
        public var code: String
        public var confidence: Double?

        public init(code: String, confidence: Double? = nil) {
            self.code = code
            self.confidence = confidence
        }

        /// True for languages written right to left (Arabic, Persian, Urdu, Hebrew, Pashto, Sindhi,
        /// Kurdish in Arabic script `ckb`, Uyghur, Yiddish, Dhivehi).
        public var isRightToLeft: Bool {
            let primary = code.split(separator: "-").first.map(String.init)?.lowercased() ?? ""
            return ["ar", "fa", "ur", "he", "ps", "sd", "ckb", "ug", "yi", "dv"].contains(primary)
        }
    }
}

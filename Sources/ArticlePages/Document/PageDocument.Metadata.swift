// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// What the input declared about itself (`metadata`), as given; untrusted.
    public struct Metadata: Codable, Sendable, Equatable {
        public var url: String?
        public var published: String?
        public var source: String?
        public var lang: String?

        public init(url: String? = nil, published: String? = nil, source: String? = nil, lang: String? = nil) {
            self.url = url
            self.published = published
            self.source = source
            self.lang = lang
        }
    }

}

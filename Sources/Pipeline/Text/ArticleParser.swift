import Foundation

/// The input formats told apart by content.
public enum InputFormat: String, Sendable, Codable { case plain, html, json }

/// An article's parts after format parsing.
public struct ParsedArticle: Sendable, Equatable {
    public var title: String?
    /// The article body; every document offset points into it.
    public var text: String
    public var format: InputFormat
    public var url: String?
    public var published: String?
    public var source: String?
    public var lang: String?
}

/// Plain-text parsing (interim until HTML and JSON inputs land): the first line is the title when
/// a blank line follows it, and the body after the blank line is the text.
public enum ArticleParser {
    public static func parse(_ decoded: DecodedText, fileExtension: String?) -> ParsedArticle {
        let lines = decoded.text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        if lines.count == 3, !lines[0].allSatisfy(\.isWhitespace), lines[1].allSatisfy(\.isWhitespace) {
            let title = lines[0].trimmingCharacters(in: .whitespaces)
            let body = String(lines[2]).drop { $0 == "\n" }
            return ParsedArticle(title: title, text: String(body), format: .plain)
        }
        return ParsedArticle(title: nil, text: decoded.text, format: .plain)
    }
}

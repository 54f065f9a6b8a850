/// The stages one article goes through after it is read, in the order they run: what
/// ``ExtractionMeter`` charges time to.
///
/// `decode`, `parse` and `encode` are run by the caller (``ArticleDecoder``, ``ArticleParser``,
/// `ExtractStage.encode`); the stages from `scalars` to `statistics` run inside
/// ``ArticleExtractor/document(for:meter:)``. Token normalisation, proclitic splitting and
/// stemming happen while tokens are cut, so they are part of `tokenise`.
public enum ExtractionStage: Int, CaseIterable, Sendable {
    /// Bytes to text: BOM, UTF-8/UTF-16 or legacy code page, newline and control cleaning.
    case decode
    /// Format detection and title/body split (plain text, HTML, JSON object).
    case parse
    /// The text's Unicode scalar array, which every later stage indexes.
    case scalars
    /// Paragraph and sentence boundaries.
    case segment
    /// Tokens with their normalised forms, proclitics, base forms and light stems.
    case tokenise
    /// Entity mentions (``EntityRecognizer``), their surface and normalised texts, the entity index.
    case entities
    /// Number mentions and their values.
    case numbers
    /// Language identification.
    case language
    /// Letter counts and word statistics, and assembling the document.
    case statistics
    /// The document as compact JSON bytes.
    case encode

    /// The stage's name in reports (`"decode"`, `"tokenise"`...).
    public var name: String {
        switch self {
        case .decode: "decode"
        case .parse: "parse"
        case .scalars: "scalars"
        case .segment: "segment"
        case .tokenise: "tokenise"
        case .entities: "entities"
        case .numbers: "numbers"
        case .language: "language"
        case .statistics: "statistics"
        case .encode: "encode"
        }
    }
}

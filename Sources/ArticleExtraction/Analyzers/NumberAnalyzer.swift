import ArabicText

/// `numbers`: every number token (Western or Arabic-Indic digits, `5+5`) as written, with its
/// value when its normalised form parses as a finite `Double` (a number too large for one keeps
/// its text and has no value).
public struct NumberAnalyzer: ArticleAnalyzer {
    public let name = "numbers"
    /// Maps Arabic-Indic and Persian digits to ASCII before parsing (the tokenizer's normaliser).
    public let normalizer: ArabicNormalizer

    public init(normalizer: ArabicNormalizer) { self.normalizer = normalizer }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        analysis.document.numbers = analysis.tokens.filter { $0.kind == .number }.map { token in
            ArticleDocument.NumberMention(
                text: token.surface, start: token.range.start, end: token.range.end,
                value: Double(normalizer.normalize(token.surface)).flatMap { $0.isFinite ? $0 : nil })
        }
    }
}

import SystemPackage

/// The read stage: read the file whole (see ``InputFile/read(_:display:maxBytes:)``), decode it,
/// and parse its format. Shared by the daemon's engine and `watcherd process`.
public enum ReadStage {
    /// An input read, decoded and parsed.
    public struct Output: Sendable {
        public var input: InputFile
        public var parsed: ParsedArticle
        public var encoding: TextEncodingName
        /// `read` and `decode` milliseconds.
        public var stageMs: [String: Double]
    }

    /// Why an input left before extraction.
    public enum Exit: Error, Sendable {
        /// Still being written, or changed while read.
        case busy
        case vanished
        /// `sha256` is known when the bytes were read and then failed to decode; `identity` once
        /// the file was opened.
        case failed(ArticleFailure, sha256: String?, identity: FileIdentity?)
    }

    /// Reads, decodes and parses `path`. `display` is the escaped relative path for failures.
    public static func run(_ path: FilePath, display: String, maxBytes: Int) -> Result<Output, Exit> {
        let readStart = System.monotonicNanoseconds()
        let input: InputFile
        switch InputFile.read(path, display: display, maxBytes: maxBytes) {
        case .read(let file): input = file
        case .busy: return .failure(.busy)
        case .vanished: return .failure(.vanished)
        case .failed(let failure, let identity): return .failure(.failed(failure, sha256: nil, identity: identity))
        }
        let readMs = System.millisecondsSince(readStart)
        let decodeStart = System.monotonicNanoseconds()
        let decoded: DecodedText
        do {
            decoded = try ArticleDecoder.decode(input.bytes)
        } catch {
            let failure = ArticleFailure(code: error.code, stage: "decode", path: display, cause: error.detail)
            return .failure(.failed(failure, sha256: input.sha256, identity: input.identity))
        }
        let parsed = ArticleParser.parse(decoded, fileExtension: path.extension)
        return .success(
            Output(
                input: input, parsed: parsed, encoding: decoded.encoding,
                stageMs: ["read": readMs, "decode": System.millisecondsSince(decodeStart)]))
    }
}

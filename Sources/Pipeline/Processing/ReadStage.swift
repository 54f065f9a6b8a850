// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import SystemPackage

/// The read stage: read the file whole (see ``InputFile/read(_:display:maxBytes:)``) and decode
/// it. Runs on the engine's serial read queue, so it does only what needs the file; parsing and
/// extraction run on the extract workers (``ExtractStage``). Shared by the daemon's engine and
/// `watcherd process`.
public enum ReadStage {
    /// An input read and decoded.
    public struct Output: Sendable {
        public var input: InputFile
        public var decoded: DecodedText
        /// The input's extension (without the dot), the parser's format hint.
        public var fileExtension: String?
        /// `read` and `decode` milliseconds.
        public var stageMs: StageMilliseconds
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

    /// Reads and decodes `relative` inside `root` (see ``InputFile/read(_:beneath:display:maxBytes:)``).
    /// `display` is the escaped relative path for failures.
    public static func run(
        _ relative: FilePath, beneath root: FilePath, display: String, maxBytes: Int
    ) -> Result<Output, Exit> {
        let readStart = System.monotonicNanoseconds()
        let input: InputFile
        switch InputFile.read(relative, beneath: root, display: display, maxBytes: maxBytes) {
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
            let failure = ArticleFailure(
                code: FailureCode(error.code), stage: .decode, path: display, cause: error.detail)
            return .failure(.failed(failure, sha256: input.sha256, identity: input.identity))
        }
        return .success(
            Output(
                input: input, decoded: decoded, fileExtension: relative.extension,
                stageMs: ["read": readMs, "decode": System.millisecondsSince(decodeStart)]))
    }
}

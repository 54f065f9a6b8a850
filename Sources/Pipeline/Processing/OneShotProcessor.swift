// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import SystemPackage

/// The read and extract stages for one file, synchronously, without moving anything: what
/// `watcherd process` runs, and what tests use to get a document without a daemon.
public enum OneShotProcessor {
    /// The document for `path`, or the failure that a daemon would record for it.
    public static func document(
        for path: FilePath, extractor: ArticleExtractor, maxInputBytes: Int = 16 << 20
    ) -> Result<ArticleDocument, ArticleFailure> {
        let display = PathEscaper.escape(path.bytes)
        let directory = path.removingLastComponent()
        let root = directory.isEmpty ? FilePath(".") : directory
        let name = FilePath(bytes: path.lastComponentBytes)
        switch ReadStage.run(name, beneath: root, display: display, maxBytes: maxInputBytes) {
        case .success(let read):
            do {
                return .success(
                    try ExtractStage(extractor: extractor).document(
                        for: read, sourcePath: display, sourceName: PathEscaper.escape(path.lastComponentBytes),
                        receivedAt: Timestamp.now()))
            } catch {
                return .failure(error)
            }
        case .failure(.busy):
            return .failure(ArticleFailure(code: .busy, stage: .read, path: display, cause: "open for writing"))
        case .failure(.vanished):
            return .failure(ArticleFailure(code: .vanished, stage: .read, path: display, cause: "no such file"))
        case .failure(.failed(let failure, _, _)):
            return .failure(failure)
        }
    }
}

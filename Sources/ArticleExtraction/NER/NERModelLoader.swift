// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Reads a model file (``NERModelCodec``): from a path, or the shipped one in the resource folder
/// (`ner/model.bin`). The only file access of the NER code; ``ArticleExtractorFactory`` calls it
/// once at start-up, the tagger never reads files.
public enum NERModelLoader {
    /// Path of the shipped model inside the resource folder.
    public static let resourcePath = "ner/model.bin"

    /// The model at `path`.
    ///
    /// - Throws: ``NERError`` `ner-io` (cannot read), `ner-model-format` or `ner-model-version`,
    ///   naming the path.
    public static func load(path: String) throws(NERError) -> NERModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NERError(.io, path: path, "cannot read the model file")
        }
        do {
            return try NERModelCodec.decode([UInt8](data))
        } catch {
            throw error.at(path)
        }
    }

    /// The shipped model under the resource folder `directory` (the folder holding `gazetteer/`).
    ///
    /// - Throws: ``NERError`` as ``load(path:)``.
    public static func loadShipped(from directory: String) throws(NERError) -> NERModel {
        try load(path: directory + "/" + resourcePath)
    }
}

// SPDX-License-Identifier: GPL-2.0-or-later

/// The format of an article file, recorded in `source.format`.
public enum InputFormat: String, Codable, Sendable {
    /// Plain text: optional title line followed by a blank line, then the body.
    case plain
    /// An HTML page: title and main text are extracted.
    case html
    /// A JSON object with `title`, `body` or `text`, and optional `url`, `published`, `source`, `lang`.
    case json
}

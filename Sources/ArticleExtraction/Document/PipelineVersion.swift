// SPDX-License-Identifier: GPL-2.0-or-later

/// The version stamped into every output document's `pipeline.version` field.
///
/// Bump the minor part when extraction output changes for the same input.
public enum PipelineVersion {
    /// Semantic version of the extraction pipeline.
    public static let current = "0.1.0"
    /// `schema_version` of the output document (see `schema/article.schema.json`).
    public static let schemaVersion = 1
}

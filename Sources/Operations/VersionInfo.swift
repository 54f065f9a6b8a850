// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import Pipeline

/// What `watcherd --version` prints: the pipeline version, the document schema version, the
/// default entity model and the normalisation profile, one `name value` pair per line.
public enum VersionInfo {
    public static var text: String {
        """
        watcherd \(PipelineVersion.current)
        schema_version \(PipelineVersion.schemaVersion)
        model \(GazetteerEntityRecognizer.modelName)
        normalization \(ArabicNormalizer.Profile.default.name)
        """
    }
}

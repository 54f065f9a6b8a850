import Pipeline

/// What `watcherd --version` prints: the pipeline version, the document schema version, the
/// entity model and the normalisation profile, one `name value` pair per line.
public enum VersionInfo {
    public static var text: String {
        """
        watcherd \(PipelineVersion.current)
        schema_version \(PipelineVersion.schemaVersion)
        model \(EntityRecognizer.modelName)
        normalization \(ArabicNormalizer.Profile.default.name)
        """
    }
}

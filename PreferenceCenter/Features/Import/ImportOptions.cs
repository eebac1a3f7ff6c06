namespace PreferenceCenter.Features.Import;

/// <summary>Limits and pace of bulk imports (section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file accepted (bytes); a larger upload is refused with 413 before it is read.</summary>
    public int MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The longest line accepted (bytes): a row is a few hundred bytes; a longer line is a broken file.</summary>
    public int MaxLineBytes { get; set; } = 8 * 1024;

    /// <summary>Rows written per transaction; progress is committed with each chunk, so a restart resumes after the last one.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>How often the import job looks for queued imports.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-row errors listed in a report; the count covers them all.</summary>
    public int MaxReportedErrors { get; set; } = 500;
}

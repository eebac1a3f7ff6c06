namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>How the list is written: one JSON object a line (the default), or CSV with a header row.</summary>
public enum SuppressionFormat
{
    Ndjson,
    Csv,
}

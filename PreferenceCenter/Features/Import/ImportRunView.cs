namespace PreferenceCenter.Features.Import;

/// <summary>An import as the API and the officer's page show it: where it stands and what it did so far.</summary>
public sealed record ImportRunView(
    Guid Id, string FileName, string State, int TotalRows, int ProcessedRows, int Written, int Unchanged, int AlreadyImported,
    int Suppressed, int Refused, int CustomersCreated, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public int Percent => TotalRows == 0 ? 100 : (int)(100L * ProcessedRows / TotalRows);

    public static ImportRunView Of(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.FileName, run.State.ToString().ToLowerInvariant(), run.TotalRows, run.ProcessedRows, run.Written, run.Unchanged,
            run.AlreadyImported, run.Suppressed, run.Refused, run.CustomersCreated, run.CreatedAt, run.FinishedAt);
    }
}

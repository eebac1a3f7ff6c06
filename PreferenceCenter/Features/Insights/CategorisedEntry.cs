namespace PreferenceCenter.Features.Insights;

/// <summary>A ledger entry reduced, inside a query, to what a weekly count needs: its week, its category and whose it is.</summary>
public sealed class CategorisedEntry
{
    public int Week { get; init; }
    public int Category { get; init; }
    public Guid? Subject { get; init; }
}

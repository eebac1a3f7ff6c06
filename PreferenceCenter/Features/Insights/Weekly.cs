namespace PreferenceCenter.Features.Insights;

/// <summary>A row tagged with its week (<see cref="WeekBucket"/>), inside a query: the database groups by both.</summary>
public sealed class Weekly<T>
{
    public int Week { get; init; }
    public required T Item { get; init; }
}

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>How a <see cref="FeedbackPeriod"/> reads in the address (<c>?period=90d</c>) and how long it is.</summary>
public static class FeedbackPeriods
{
    public static readonly IReadOnlyList<FeedbackPeriod> All = Enum.GetValues<FeedbackPeriod>();

    public static string QueryValue(FeedbackPeriod period) => period switch
    {
        FeedbackPeriod.Last90Days => "90d",
        FeedbackPeriod.Last12Months => "12m",
        _ => "30d",
    };

    /// <summary>The period an address names; anything unknown or missing is the last 30 days.</summary>
    public static FeedbackPeriod FromQuery(string? value) =>
        All.FirstOrDefault(p => string.Equals(QueryValue(p), value, StringComparison.OrdinalIgnoreCase));

    public static TimeSpan Length(FeedbackPeriod period) => period switch
    {
        FeedbackPeriod.Last90Days => TimeSpan.FromDays(90),
        FeedbackPeriod.Last12Months => TimeSpan.FromDays(365),
        _ => TimeSpan.FromDays(30),
    };
}

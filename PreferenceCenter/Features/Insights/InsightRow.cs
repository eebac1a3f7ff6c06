namespace PreferenceCenter.Features.Insights;

public sealed record InsightRow(InsightLabel Label, IReadOnlyList<InsightValue> Values);

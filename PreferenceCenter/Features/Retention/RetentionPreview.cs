namespace PreferenceCenter.Features.Retention;

/// <summary>What the next run would delete for one purpose, counted now: how many customers and answers.</summary>
public sealed record RetentionPreview(string Key, string Title, int? Days, int Customers, int Answers);

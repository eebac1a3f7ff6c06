namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>
/// One consent-based purpose on the officer's purposes page: its title in the reader's language, how many months a
/// consent lasts, and how many days its data is kept after the consent ends.
/// </summary>
public sealed record PurposeValidity(string Key, string Title, int? ValidityMonths, int? RetentionAfterEndDays = null);

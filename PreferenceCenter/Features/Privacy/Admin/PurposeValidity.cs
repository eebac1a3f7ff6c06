namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>One consent-based purpose on the officer's validity page: its title in the reader's language and its months.</summary>
public sealed record PurposeValidity(string Key, string Title, int? ValidityMonths);

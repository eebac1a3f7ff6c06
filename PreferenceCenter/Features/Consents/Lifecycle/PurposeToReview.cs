namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>A purpose that changed materially since the customer consented to it, named in the reader's language.</summary>
public sealed record PurposeToReview(string Key, string Title, int ChangedInNotice);

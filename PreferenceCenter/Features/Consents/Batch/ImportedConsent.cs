namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// A consent gathered elsewhere: the change (its <see cref="ConsentChange.Evidence"/> is what the ledger records),
/// when it was captured, whether marketing by email came with proof that the mailbox's owner confirmed it, and the
/// notice version the person was shown when the source names one.
/// </summary>
public sealed record ImportedConsent(ConsentChange Change, DateTimeOffset CapturedAt, bool Confirmed, int? NoticeVersion);

namespace PreferenceCenter.Features.Receipts;

/// <summary>A receipt's words in its reader's language: what changed and when, each with its ledger reference.</summary>
public sealed record Receipt(string Subject, string Intro, IReadOnlyList<ReceiptEntry> Entries, string Made);

/// <summary>One change as the receipt reads it: "5 Dec 2026, 10:14 UTC", the sentence, and "Ledger entry 123, fingerprint …".</summary>
public sealed record ReceiptEntry(string When, string What, string Reference);

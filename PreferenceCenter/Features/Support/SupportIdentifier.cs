namespace PreferenceCenter.Features.Support;

/// <summary>A complete identifier in its one spelling (reference upper-case, phone normalised, email trimmed).</summary>
public sealed record SupportIdentifier(SupportIdentifierKind Kind, string Value)
{
    /// <summary>How a lookup is named in the ledger: the kind of identifier, never the identifier itself.</summary>
    public string LedgerValue => Kind.ToString().ToLowerInvariant();
}

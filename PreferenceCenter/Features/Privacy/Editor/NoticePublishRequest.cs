namespace PreferenceCenter.Features.Privacy.Editor;

/// <param name="BasedOn">The published version the draft edits; publishing is refused if another was published since.</param>
/// <param name="Revision">The draft revision the officer is looking at; refused if someone saved since.</param>
/// <param name="MaterialChanges">Keys of consent-based purposes whose change customers must review.</param>
/// <param name="Note">What changed, in the officer's words: required, kept in the ledger.</param>
/// <param name="ReadabilityOverride">Why to publish although a first layer fails the meter; needed only then.</param>
public sealed record NoticePublishRequest(
    CatalogDocument Draft, int BasedOn, int Revision, IReadOnlySet<string> MaterialChanges, string? Note, string? ReadabilityOverride);

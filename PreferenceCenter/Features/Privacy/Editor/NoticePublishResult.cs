using PreferenceCenter.Features.Privacy.Readability;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <param name="Number">The version now in force, when published.</param>
/// <param name="Problems">What the catalog rules found, when <see cref="NoticePublishOutcome.Invalid"/>.</param>
/// <param name="Verdicts">The meter's verdict per language on what was to be published.</param>
public sealed record NoticePublishResult(
    NoticePublishOutcome Outcome, int? Number, IReadOnlyList<string> Problems, IReadOnlyList<FirstLayerVerdict> Verdicts);

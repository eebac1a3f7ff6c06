using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>An item that passed the checks: an email address or a phone number, as sent (the hashes normalise it).</summary>
public sealed record CheckedItem(SuppressedContact Kind, string Value);

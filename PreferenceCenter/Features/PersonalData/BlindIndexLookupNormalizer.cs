using Microsoft.AspNetCore.Identity;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Identity's lookup normaliser: instead of an upper-cased copy of the email in <c>NormalizedEmail</c> and
/// <c>NormalizedUserName</c>, it stores the blind-index hash, so Identity finds users by email without a second
/// readable copy. User names here are emails; role names (no <c>@</c>) keep Identity's upper-case form.
/// </summary>
public sealed class BlindIndexLookupNormalizer(BlindIndex index) : ILookupNormalizer
{
    public string? NormalizeEmail(string? email) => index.OfEmail(email);

    public string? NormalizeName(string? name) =>
        name is null ? null : name.Contains('@', StringComparison.Ordinal) ? index.OfEmail(name) : name.Normalize().ToUpperInvariant();
}

using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>One option on the edit form; <see cref="Key"/> is null until it is first saved.</summary>
public sealed class OptionForm
{
    public string? Key { get; set; }
    public Dictionary<string, string?> Labels { get; init; } = SupportedCultures.Names.ToDictionary(c => c, _ => (string?)null);
}

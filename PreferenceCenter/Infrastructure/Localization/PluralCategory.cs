namespace PreferenceCenter.Infrastructure.Localization;

/// <summary>The CLDR plural categories our languages use; the resource key suffix is the lower-case name.</summary>
public enum PluralCategory
{
    One,
    Many,
    Other,
}

namespace PreferenceCenter.Features.Support;

/// <summary>The three identifiers a customer can give support; each finds one customer or none.</summary>
public enum SupportIdentifierKind
{
    Email = 1,
    Phone = 2,
    Reference = 3,
}

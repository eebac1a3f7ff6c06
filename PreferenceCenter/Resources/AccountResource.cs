namespace PreferenceCenter.Resources;

/// <summary>Marker for the sign-in and account strings in <c>AccountResource.resx</c> (English) and its <c>.it</c> / <c>.es</c> siblings.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be instantiable as a type argument.
public sealed class AccountResource;
#pragma warning restore CA1052

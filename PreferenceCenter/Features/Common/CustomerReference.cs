using System.Security.Cryptography;

namespace PreferenceCenter.Features.Common;

/// <summary>Random customer references without look-alike characters (no 0/O, 1/I), easy to read aloud.</summary>
public static class CustomerReference
{
    public const string Prefix = "PC-";
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Customer.ReferenceLength - Prefix.Length);

    /// <summary>Whether <paramref name="value"/> (upper case) has the shape of a reference we issue.</summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == Customer.ReferenceLength && value.StartsWith(Prefix, StringComparison.Ordinal)
            && value[Prefix.Length..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
    }
}

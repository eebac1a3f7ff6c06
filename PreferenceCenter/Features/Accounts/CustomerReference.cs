using System.Security.Cryptography;

namespace PreferenceCenter.Features.Accounts;

/// <summary>Random customer references without look-alike characters (no 0/O, 1/I), easy to read aloud.</summary>
public static class CustomerReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "PC-" + RandomNumberGenerator.GetString(Alphabet, Customer.ReferenceLength - 3);
}

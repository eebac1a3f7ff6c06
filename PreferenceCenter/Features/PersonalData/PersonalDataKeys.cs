namespace PreferenceCenter.Features.PersonalData;

/// <summary>The configured secrets, decoded and checked once at start-up.</summary>
public sealed class PersonalDataKeys
{
    private PersonalDataKeys(byte[] master, byte[] blindIndex, byte[] suppression)
    {
        Master = master;
        BlindIndex = blindIndex;
        Suppression = suppression;
    }

    public byte[] Master { get; }
    public byte[] BlindIndex { get; }
    public byte[] Suppression { get; }

    /// <summary>Decodes the three keys or throws one message naming every setting that is missing or malformed.</summary>
    public static PersonalDataKeys From(PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var master = Decode(nameof(options.MasterKey), options.MasterKey, problems);
        var blindIndex = Decode(nameof(options.BlindIndexKey), options.BlindIndexKey, problems);
        var suppression = Decode(nameof(options.SuppressionKey), options.SuppressionKey, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Personal data cannot be protected: {string.Join("; ", problems)}. Each must be base64 of {PersonalDataOptions.KeyLength} random bytes " +
                "(for example `openssl rand -base64 32`); see the README's configuration table.");
        }

        if (master.AsSpan().SequenceEqual(blindIndex) || master.AsSpan().SequenceEqual(suppression) || blindIndex.AsSpan().SequenceEqual(suppression))
        {
            throw new InvalidOperationException("Personal data cannot be protected: PersonalData:MasterKey, BlindIndexKey and SuppressionKey must be three different keys.");
        }

        return new PersonalDataKeys(master, blindIndex, suppression);
    }

    private static byte[] Decode(string name, string? value, List<string> problems)
    {
        var setting = $"{PersonalDataOptions.Section}:{name}";
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{setting} is not configured");
            return [];
        }

        var bytes = new byte[PersonalDataOptions.KeyLength + 3];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var written) || written != PersonalDataOptions.KeyLength)
        {
            problems.Add($"{setting} is not base64 of {PersonalDataOptions.KeyLength} bytes");
            return [];
        }

        return bytes[..written];
    }
}

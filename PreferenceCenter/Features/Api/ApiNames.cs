using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Api;

/// <summary>The API's spelling of channels: lower-case words, part of the contract (never the stored numbers).</summary>
public static class ApiNames
{
    public static string Of(Channel channel) => channel.ToString().ToLowerInvariant();

    public static bool TryParseChannel(string? value, out Channel channel)
    {
        channel = default;
        return value is not null && value.All(char.IsAsciiLetter)
            && Enum.TryParse(value, ignoreCase: true, out channel) && Enum.IsDefined(channel);
    }
}

using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Api;

/// <summary>The API's spelling of channels: lower-case words, part of the contract (never the stored numbers).</summary>
public static class ApiNames
{
    public static string Of(Channel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>What a caller is told when a channel is not one of ours.</summary>
    public static string ChannelProblem { get; } =
        $"The channel must be one of: {string.Join(", ", Enum.GetValues<Channel>().Select(Of))}.";

    public static bool TryParseChannel(string? value, out Channel channel)
    {
        channel = default;
        return value is not null && value.All(char.IsAsciiLetter)
            && Enum.TryParse(value, ignoreCase: true, out channel) && Enum.IsDefined(channel);
    }
}

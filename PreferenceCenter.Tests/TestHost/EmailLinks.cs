using System.Text.RegularExpressions;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Finds the token of an app link (<c>…/confirm/TOKEN</c>) in an email body, as a reader's click would.</summary>
public static partial class EmailLinks
{
    public static string Token(string? body, string path)
    {
        var match = LinkPattern().Matches(body ?? string.Empty).FirstOrDefault(m => m.Groups["path"].Value == path);
        Assert.True(match is not null, $"No /{path}/ link in: {body}");
        return match.Groups["token"].Value;
    }

    [GeneratedRegex("/(?<path>[a-z]+)/(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkPattern();
}

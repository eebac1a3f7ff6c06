namespace PreferenceCenter.Tests.TestHost;

/// <summary>Rate-limit settings for the test hosts: generous for the shared ones, low for the rate-limit tests.</summary>
public static class TestRateLimits
{
    /// <summary>Every limit raised far above what the whole suite sends from one address, none switched off.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Generous =
    [
        .. new[] { "SignIn", "TwoFactor", "Registration", "AccountMail", "EmailedLink", "OneClickUnsubscribe", "PreferenceForm" }
            .Select(action => ($"RateLimits:{action}:PerClient:Permits", "100000")),
        .. new[] { "SignIn", "Registration", "AccountMail", "ErasureRequest" }
            .Select(action => ($"RateLimits:{action}:PerTarget:Permits", "100000")),
        ("RateLimits:AccountMailsPerAddressPerHour", "1000"),
    ];

    /// <summary>Low where a rate-limit test meets the limit, generous elsewhere so the tests do not meet each other's.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Low =
    [
        ("RateLimits:SignIn:PerTarget:Permits", "3"),
        ("RateLimits:Registration:PerClient:Permits", "3"),
        ("RateLimits:AccountMail:PerTarget:Permits", "3"),
        ("RateLimits:AccountMailsPerAddressPerHour", "2"),
        ("RateLimits:EmailedLink:PerClient:Permits", "4"),
        ("RateLimits:OneClickUnsubscribe:PerClient:Permits", "3"),
        ("RateLimits:PreferenceForm:PerClient:Permits", "3"),
    ];
}

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// What an attacker types, pastes or scripts into any field, query value or route value. None of these is a valid
/// request on its own, except where a form takes free text (a name is a name): the harness then checks where it went.
/// </summary>
public static class HostileValues
{
    /// <summary>The marker of injected markup: a response that contains it unescaped would run it.</summary>
    public const string ScriptMarker = "<script>alert('pc-xss')</script>";

    public const string ImageMarker = "<img src=x onerror=alert('pc-xss')>";

    /// <summary>Values as the application sees them (the client encodes them on the way).</summary>
    public static IReadOnlyList<string> Text { get; } =
    [
        // Lengths.
        string.Empty,
        " ",
        new string('a', 5_000),
        new string('é', 2_000),
        // Control and invisible characters.
        "\0",
        "a\u0001\u001fb",
        "x\r\nSet-Cookie: pc-injected=1",
        "\u200B\u200E\u202E\uFEFF",
        "\uD83D",
        // Markup.
        ScriptMarker,
        "\">" + ImageMarker,
        "javascript:alert(1)",
        // SQL and format strings.
        "' OR 1=1 --",
        "1; DROP TABLE Customers",
        "{0}{1}%s%n%x",
        // Numbers out of every range, and not numbers.
        "-1",
        "2147483648",
        "99999999999999999999999",
        "1e309",
        "NaN",
        // Malformed tokens, codes, references and addresses.
        "not-a-token",
        "====",
        "a.b.c",
        "CfDJ8" + new string('A', 200),
        "../../etc/passwd",
        "PC-@@@@@@",
        "A b1!@example.com",
        "a@b@example.com",
        "\"quoted\"@example.com",
    ];

    /// <summary>Already-encoded query and route values that no client would produce: broken escapes and bytes that are not UTF-8.</summary>
    public static IReadOnlyList<string> RawEncoded { get; } = ["%", "%zz", "%C3%28", "%ED%A0%80", "%FF%FE", "%00", "%2e%2e%2f"];
}

using System.Net;
using System.Text.RegularExpressions;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>A POST form as a page renders it: where it posts, its hidden values (antiforgery, handler) and the fields a user fills.</summary>
public sealed partial record HtmlForm(string Action, IReadOnlyDictionary<string, string> Hidden, IReadOnlyList<string> Fields)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The form's name for Blazor (its <c>_handler</c>), or its action.</summary>
    public string Name => Hidden.GetValueOrDefault("_handler") ?? Action;

    /// <summary>What a user may set: every named field but the antiforgery token and the handler, hidden ones too (an attacker sets those as well).</summary>
    public IEnumerable<string> Settable => Fields.Concat(Hidden.Keys).Where(f => f is not (AntiforgeryField or "_handler")).Distinct(StringComparer.Ordinal);

    /// <summary>The POST forms of a page; <paramref name="pagePath"/> is where a form without an action posts.</summary>
    public static IReadOnlyList<HtmlForm> Parse(string html, string pagePath) =>
    [
        .. Forms().Matches(html).Select(m => m.Value).Where(f => PostMethod().IsMatch(f.Split('>')[0])).Select(form =>
        {
            var action = ActionAttribute().Match(form.Split('>')[0]) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups["action"].Value) : pagePath;
            var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in HiddenInputs().Matches(form))
            {
                hidden[input.Groups["name"].Value] = WebUtility.HtmlDecode(input.Groups["value"].Value);
            }

            var fields = FieldTags().Matches(form)
                .Where(m => !m.Value.Contains("type=\"hidden\"", StringComparison.Ordinal) && !m.Value.Contains(" disabled", StringComparison.Ordinal))
                .Select(m => NameAttribute().Match(m.Value)).Where(m => m.Success).Select(m => m.Groups["name"].Value)
                .Distinct(StringComparer.Ordinal).ToList();
            return new HtmlForm(action.TrimStart('/'), hidden, fields);
        }),
    ];

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex("action=\"(?<action>[^\"]*)\"")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<(input|textarea|select|button)\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex FieldTags();

    [GeneratedRegex("\\sname=\"(?<name>[^\"]+)\"")]
    private static partial Regex NameAttribute();
}

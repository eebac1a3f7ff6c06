using System.Globalization;
using System.Resources;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>
/// The Identity pages' own labels in a given language, so page objects find fields the way a reader does
/// (by label) in whatever language the browser asked for.
/// </summary>
public static class AccountText
{
    private static readonly ResourceManager Resources = new("PreferenceCenter.Resources.AccountResource", typeof(AccountResource).Assembly);

    public static string Get(string key, string culture) =>
        Resources.GetString(key, new CultureInfo(culture)) ?? throw new KeyNotFoundException($"AccountResource has no '{key}'.");
}

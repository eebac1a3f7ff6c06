using System.Net;
using System.Text.RegularExpressions;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>A cookie-keeping HTTP client that signs in through the real login form, antiforgery token and all.</summary>
public sealed partial class SignInClient : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient client;

    public SignInClient(Uri baseAddress)
    {
#pragma warning disable CA2000 // The client owns and disposes the handler.
        client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
        };
#pragma warning restore CA2000
    }

    public bool IsSignedIn => cookies.GetCookies(client.BaseAddress!).Any(c => c.Name == ".AspNetCore.Identity.Application");

    public Task<string> GetStringAsync(string path) => client.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>The unfollowed response, so a test sees a redirect to sign-in or access denied as it is.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Posts the login form as a browser would; returns the unfollowed response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var html = await GetStringAsync("Account/Login");
        var form = Forms().Matches(html).Select(m => m.Value).Single(f => f.Contains("value=\"login\"", StringComparison.Ordinal));
        var fields = HiddenInputs().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("Account/Login", UriKind.Relative), content);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();
}

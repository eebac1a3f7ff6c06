using System.Net;
using System.Text.RegularExpressions;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>A cookie-keeping HTTP client that signs in through the real login form, antiforgery token and all.</summary>
public sealed partial class SignInClient : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient client;

    /// <param name="source">The loopback address to connect from (e.g. 127.0.0.7), so a test can be another client address.</param>
    public SignInClient(Uri baseAddress, IPAddress? source = null)
    {
#pragma warning disable CA2000 // The client owns and disposes the handler.
        var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        if (source is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => SourceAddress.ConnectAsync(source, context.DnsEndPoint, cancellationToken);
        }

        client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
        };
#pragma warning restore CA2000
    }

    /// <summary>Asks for pages in <paramref name="language"/> (Accept-Language) from now on.</summary>
    public void AcceptLanguage(string language) => client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

    /// <summary>Sends <paramref name="request"/> with this client's cookies; the unfollowed response.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request);

    public bool IsSignedIn => cookies.GetCookies(client.BaseAddress!).Any(c => c.Name == ".AspNetCore.Identity.Application");

    public Task<string> GetStringAsync(string path) => client.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>The unfollowed response, so a test sees a redirect to sign-in or access denied as it is.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Posts the login form as a browser would; returns the unfollowed response.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Opens <paramref name="path"/>, fills the form named <paramref name="formName"/> (its antiforgery token included)
    /// and posts it, both requests with <paramref name="host"/> as the Host header when given (as a forger would send).
    /// With <paramref name="action"/>, the form is the one posting there (a plain HTML form), and it is posted there.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path, string formName, IReadOnlyDictionary<string, string> values, string? host = null, string? action = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        get.Headers.Host = host;
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var marker = action is null ? $"value=\"{formName}\"" : $"action=\"{action}\"";
        var form = Forms().Matches(html).Select(m => m.Value).Single(f => f.Contains(marker, StringComparison.Ordinal));
        var fields = HiddenInputs().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(action ?? path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Host = host;
        return await client.SendAsync(post);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();
}

using System.Net;
using PreferenceCenter.Tests.TestHost;
using Xunit.Abstractions;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// The hostile-input harness for pages: every routable page (found by reflection, as the authorization table finds
/// them), as every role that gets past its door, with <see cref="HostileValues"/> in each route and query value it
/// reads; then every POST form those pages render, each field set to each value. Nothing answers 5xx, nothing is
/// written, no injected markup comes back unescaped.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class HostileInputTests(AppHost app, ITestOutputHelper output)
{
    /// <summary>Forms (by form name) where some corpus values are valid input (a number is a valid name), and the tables such a post may change.</summary>
    private static readonly Dictionary<string, string[]> LegitimateWrites = new(StringComparer.Ordinal)
    {
        ["profile"] = ["app.CustomerProfiles", "app.LedgerEntries"],
        // "quoted"@example.com is a deliverable address: the confirmation mailed to it counts against its hourly cap.
        ["change-email"] = ["app.AccountMailCounts"],
    };

    /// <summary>A question on /preferences (form "question-{id}"): some corpus values are a valid free-text answer.</summary>
    private static readonly string[] AnswerWrites = ["app.Answers", "app.LedgerEntries"];

    private static string[] AllowedWrites(string formName) =>
        LegitimateWrites.GetValueOrDefault(formName) ?? (formName.StartsWith("question-", StringComparison.Ordinal) ? AnswerWrites : []);

    [Fact]
    public async Task Every_page_takes_hostile_route_and_query_values_without_a_500_a_write_or_markup()
    {
        await using var harness = await HostileHarness.StartAsync(app);
        var pages = AppSurface.Pages();
        var open = await OpenPagesAsync(harness, pages);
        Assert.Empty(pages.Where(p => !open.Any(o => o.Page == p)).Select(p => p.Template));

        var before = await harness.FingerprintAsync();
        await harness.SendAllAsync(
            from o in open
            from hostile in HostilePaths(harness, o.Page)
            select (o.Role, $"GET {hostile.What} as {o.Role}", (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Get, harness.Url(hostile.Path)))));
        harness.CheckNothingWritten(before, await harness.FingerprintAsync(), "page GETs");

        harness.Report(output, $"{pages.Count} pages, {open.Count} page × role pairs, {pages.Sum(p => p.QueryValues.Count)} query and {pages.Sum(p => p.RouteValues.Count)} route values");
    }

    [Fact]
    public async Task Every_form_takes_hostile_field_values_without_a_500_a_write_or_markup()
    {
        await using var harness = await HostileHarness.StartAsync(app);
        var open = await OpenPagesAsync(harness, AppSurface.Pages());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var envelopes = new HashSet<string>(StringComparer.Ordinal);
        var (posted, pressOnly) = (0, new List<string>());
        foreach (var (role, page) in open)
        {
            var path = harness.SamplePath(page);
            using var response = await harness.Roles[role].GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in HtmlForm.Parse(await response.Content.ReadAsStringAsync(), path))
            {
                var name = $"{role} {form.Name}";
                if (!seen.Add($"{name} {form.Action.Split('?')[0]}"))
                {
                    continue;
                }

                var settable = form.Settable.ToList();
                // A form with nothing to fill (sign out, reset the authenticator) does its one thing when pressed: a valid request.
                if (settable.Count == 0 || (form.Action.StartsWith("Account/Logout", StringComparison.Ordinal) && role != "anonymous"))
                {
                    pressOnly.Add(name);
                    continue;
                }

                posted++;
                var before = await harness.FingerprintAsync();
                await harness.SendAllAsync(HostileValues.Text.Select(value => (role, $"POST {form.Name} on {page.Template} as {role}: every field = {HostileHarness.Show(value)}",
                    (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Post, harness.Url(form.Action)) { Content = Filled(form, settable, value) }))));
                if (envelopes.Add(form.Name))
                {
                    // Once per form, whoever posts it: bodies oversized, over-many, of the wrong type or broken.
                    var fields = form.Hidden.Where(h => h.Key is HtmlForm.AntiforgeryField or "_handler")
                        .Concat(settable.Select(f => new KeyValuePair<string, string>(f, HostileValues.ScriptMarker))).ToDictionary();
                    await harness.SendAllAsync(HostileBodies.ForForm(fields).Select(attack => (role, $"POST {form.Name} on {page.Template} as {role}: {attack.What}",
                        (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Post, harness.Url(form.Action)) { Content = attack.Body() }))));
                }

                harness.CheckNothingWritten(before, await harness.FingerprintAsync(), name, AllowedWrites(form.Name));
            }
        }

        harness.Report(output, $"{posted} form × role pairs posted; press-only forms (not posted): {pressOnly.Count}");
    }

    /// <summary>Each role's pages: those it may open, or whose own redirect it gets; not those that stop it at the door (sign in, access denied).</summary>
    private static async Task<List<(string Role, AppSurface.Page Page)>> OpenPagesAsync(HostileHarness harness, IReadOnlyList<AppSurface.Page> pages)
    {
        var open = new List<(string, AppSurface.Page)>();
        foreach (var (role, client) in harness.Roles)
        {
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(harness.SamplePath(page));
                Assert.True((int)response.StatusCode < 500, $"GET {harness.SamplePath(page)} as {role}: {(int)response.StatusCode}");
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                if (!location.Contains("Account/Login?", StringComparison.OrdinalIgnoreCase) && !location.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase))
                {
                    open.Add((role, page));
                }
            }
        }

        return open;
    }

    private static IEnumerable<(string What, string Path)> HostilePaths(HostileHarness harness, AppSurface.Page page)
    {
        var sample = harness.SamplePath(page);
        var separator = sample.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var (shown, encoded) in Encoded())
        {
            yield return ($"{page.Template}?(undeclared)={shown}", $"{sample}{separator}{encoded}={encoded}");
            foreach (var name in page.QueryValues.Concat(page.RouteValues))
            {
                yield return ($"{page.Template} {name}={shown}", harness.SamplePath(page, name, encoded));
            }
        }
    }

    /// <summary>Every corpus value, encoded for a URL, then the raw broken encodings.</summary>
    private static IEnumerable<(string Shown, string Encoded)> Encoded() =>
        HostileValues.Text.Select(v => (HostileHarness.Show(v), HostileBodies.Escape(v))).Concat(HostileValues.RawEncoded.Select(v => (v, v)));

    /// <summary>The form as posted with every settable field at <paramref name="value"/>; its antiforgery token and handler kept.</summary>
    private static ByteArrayContent Filled(HtmlForm form, IEnumerable<string> settable, string value) =>
        HostileBodies.Form(form.Hidden.Where(h => h.Key is HtmlForm.AntiforgeryField or "_handler").Concat(settable.Select(f => new KeyValuePair<string, string>(f, value))));
}

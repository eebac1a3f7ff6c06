using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// What the harness needs from the running app: a signed-in client per role (its own customer, so the free-text
/// writes it is allowed land on nobody else's record), sample route and query values that open each page's forms,
/// an API key, and the database fingerprint.
/// </summary>
public sealed class HostileHarness(AppHost app) : IAsyncDisposable
{
    public const string CustomerEmail = "hostile.harness@example.com";

    /// <summary>Well-formed but nobody's: API calls check everything else, then find no one to write to.</summary>
    public const string UnknownReference = "PC-ZZZZZZ";

    private readonly List<SignInClient> clients = [];

    public HostileProbe Probe { get; } = new();

    public Dictionary<string, SignInClient> Roles { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RouteSamples { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> QuerySamples { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "YWJj", // "abc", Base64Url: decodes, and is no valid code
        ["email"] = "someone@example.com",
    };

    public string ApiKey { get; private set; } = string.Empty;

    public AppHost App => app;

    public static async Task<HostileHarness> StartAsync(AppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var harness = new HostileHarness(app);
        await harness.PrepareAsync();
        return harness;
    }

    /// <summary>
    /// A page's sample address: route values and the query values it declares filled with ones that open it (a valid
    /// link, a real customer, a code that decodes), except <paramref name="replaced"/>, which gets <paramref name="with"/>
    /// (already encoded).
    /// </summary>
    public string SamplePath(AppSurface.Page page, string? replaced = null, string? with = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = FillRoute(page.Template, page.RouteValues, replaced, with);
        var query = page.QueryValues
            .Select(name => (name, value: name == replaced ? with : QuerySamples.TryGetValue(name, out var sample) ? Uri.EscapeDataString(sample) : null))
            .Where(q => q.value is not null)
            .Select(q => $"{q.name}={q.value}");
        return path + (query.Any() ? "?" + string.Join('&', query) : string.Empty);
    }

    /// <summary>A route template with its values filled from the samples, except <paramref name="replaced"/> (already encoded).</summary>
    public string FillRoute(string template, IEnumerable<string> names, string? replaced = null, string? with = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(names);
        var path = template.TrimStart('/');
        foreach (var name in names)
        {
            var value = name == replaced ? with! : Uri.EscapeDataString(RouteSamples[name]);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + name + "(:[^}]*)?\\}", value.Replace("$", "$$", StringComparison.Ordinal));
        }

        return path;
    }

    /// <summary>An absolute address taken as written: broken escapes go out broken, as an attacker would send them.</summary>
    public Uri Url(string relative) =>
        new(app.BaseAddress.AbsoluteUri + relative.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    /// <summary>Sends each request as its role, a few at a time (the host has cores to spare while one request waits).</summary>
    public async Task SendAllAsync(IEnumerable<(string Role, string What, Func<HttpRequestMessage> Request)> requests) =>
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, _) =>
        {
            using var request = r.Request();
            await Probe.SendAsync(Roles[r.Role], request, r.What);
        });

    /// <summary>Records a failure when a table other than <paramref name="allowed"/> changed between the two fingerprints.</summary>
    public void CheckNothingWritten(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string what, params string[] allowed)
    {
        var changed = DatabaseFingerprint.Changed(before, after).Except(allowed).ToList();
        if (changed.Count > 0)
        {
            Probe.Fail($"{what} wrote to {string.Join(", ", changed.Select(t => DatabaseFingerprint.Describe(t, before, after)))}; newest ledger entries: {string.Join(", ", NewestLedgerEntries())}");
        }
    }

    private List<string> NewestLedgerEntries()
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return [.. db.LedgerEntries.OrderByDescending(e => e.Sequence).Take(3).AsEnumerable().Select(e => $"{e.EventType} at {e.OccurredAt:O}")];
    }

    /// <summary>Writes the figures for the docs and fails with every problem found, grouped.</summary>
    public void Report(Xunit.Abstractions.ITestOutputHelper output, string covered)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{Probe.Sent} requests; {covered}.");
        var failures = Probe.Failures.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} hostile requests failed:\n" + string.Join("\n", failures.Take(300)));
    }

    /// <summary>A value as a failure message shows it: control characters spelled out, long ones cut.</summary>
    public static string Show(string value) =>
        value.Length > 40 ? $"{value[..10]}…({value.Length} chars)" : string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    public Task<IReadOnlyDictionary<string, string>> FingerprintAsync() => DatabaseFingerprint.TakeAsync(app);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Task.CompletedTask;
    }

    private async Task PrepareAsync()
    {
        var (customerId, userId) = await EnsureCustomerAsync();
        QuerySamples["userId"] = userId;
        Roles["anonymous"] = New();
        Roles["customer"] = await SignedInAsync(CustomerEmail, DemoCustomer.Password);
        Roles["support"] = await SignedInAsync(DemoSupport.Email, DemoSupport.Password);
        Roles["officer"] = await SignedInAsync(DemoOfficer.Email, DemoOfficer.Password);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reference = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Reference).SingleAsync();
        var unsubscribe = app.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.Unsubscribe, customerId, "marketing", Channel.Email, TimeSpan.FromDays(1));
        RouteSamples["Reference"] = reference;
        RouteSamples["reference"] = UnknownReference;
        RouteSamples["Id"] = "1";
        RouteSamples["id"] = "00000000-0000-4000-8000-000000000001"; // an import run nobody started
        RouteSamples["Token"] = unsubscribe;
        RouteSamples["token"] = unsubscribe;
        RouteSamples["documentName"] = "v1";
        RouteSamples["chart"] = "withdrawals"; // /admin/insights/{chart}.csv
        RouteSamples["sequence"] = "1"; // /history/receipt/{sequence}: the first ledger entry, nobody's receipted change
        var key = await app.Services.GetRequiredService<ApiClientService>().CreateAsync(
            "hostile harness", [ApiScopes.Decisions, ApiScopes.ConsentsRead, ApiScopes.ConsentsWrite], ApiClient.MaxRequestsPerMinute, "hostile-harness");
        ApiKey = key.Key!;
    }

    private async Task<(Guid CustomerId, string UserId)> EnsureCustomerAsync()
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var customers = scope.ServiceProvider.GetRequiredService<CustomerAccounts>();
        if (await users.FindByEmailAsync(CustomerEmail) is not { } user)
        {
            user = new ApplicationUser { UserName = CustomerEmail, Email = CustomerEmail, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
            await users.AddToRoleAsync(user, PreferenceCenter.Features.Accounts.Roles.Customer);
            await customers.CreateForUserAsync(user.Id, CustomerEmail, culture: null);
        }

        return ((await app.Services.GetRequiredService<CustomerLookup>().FindByEmailAsync(CustomerEmail)).GetValueOrDefault(), user.Id);
    }

    private SignInClient New()
    {
        var client = new SignInClient(app.BaseAddress);
        clients.Add(client);
        return client;
    }

    private async Task<SignInClient> SignedInAsync(string email, string password)
    {
        var client = New();
        using var response = await client.SignInAsync(email, password);
        Assert.True(client.IsSignedIn, $"{email} did not sign in.");
        return client;
    }
}

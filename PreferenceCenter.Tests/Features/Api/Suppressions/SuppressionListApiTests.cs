using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Api.Suppressions;

/// <summary><c>GET /api/v1/suppressions</c> over real HTTP: the whole list, the sync by cursor (removals included), addresses only with their scope.</summary>
public sealed class SuppressionListApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string List = "api/v1/suppressions?purpose=marketing&channel=sms";

    [Fact]
    public async Task TheWholeList_NamesWhoHasNoConsent_ByReference_AndNotWhoGranted()
    {
        var granted = await app.CustomerAsync(("marketing", Channel.Sms));
        var never = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.SuppressionsRead);

        var (response, rows) = await PullAsync(key, List);

        Assert.Equal("full", response.Headers.GetValues("Suppression-Sync").Single());
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(rows, r => r.GetProperty("reference").GetString() == granted.Reference);
        var row = Assert.Single(rows, r => r.GetProperty("reference").GetString() == never.Reference);
        Assert.True(row.GetProperty("suppressed").GetBoolean());
        Assert.Equal("no_consent", row.GetProperty("reason").GetString());
        Assert.All(rows, r => Assert.False(r.TryGetProperty("email", out _)));
    }

    [Fact]
    public async Task SinceTheCursor_OnlyTheChangesCome_AConsentGivenTakesACustomerOff_AndAWithdrawalPutsOneOn()
    {
        var leaving = await app.CustomerAsync(("marketing", Channel.Sms));
        var joining = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.SuppressionsRead);
        var (first, _) = await PullAsync(key, List);
        var cursor = first.Headers.GetValues("Suppression-Cursor").Single();

        await SetAsync(leaving.Id, granted: false);
        await app.GrantAsync(joining.Id, "marketing", Channel.Sms);
        var (second, changes) = await PullAsync(key, $"{List}&since={cursor}");

        Assert.Equal("changes", second.Headers.GetValues("Suppression-Sync").Single());
        Assert.Equal(
            [(leaving.Reference, true, "no_consent"), (joining.Reference, false, null)],
            changes.Select(r => (r.GetProperty("reference").GetString(), r.GetProperty("suppressed").GetBoolean(), r.GetProperty("reason").GetString()))
                .OrderBy(r => r.Item2 ? 0 : 1));
        var (_, none) = await PullAsync(key, $"{List}&since={second.Headers.GetValues("Suppression-Cursor").Single()}");
        Assert.Empty(none);
    }

    [Fact]
    public async Task APauseIsOnTheListUntilItEnds_AndItsEndComesAsAChange_ThoughNobodyWroteAnything()
    {
        var paused = await app.CustomerAsync(("marketing", Channel.Sms));
        // The app runs on the real clock: the pause must outlast the first pull even on a loaded machine.
        var until = DateTimeOffset.UtcNow.AddSeconds(4);
        await app.SetRuleAsync(paused.Id, Channel.Sms, ContactFrequency.AsItHappens, until);
        var key = await app.KeyAsync(ApiScopes.SuppressionsRead);

        var (first, rows) = await PullAsync(key, List);
        var row = Assert.Single(rows, r => r.GetProperty("reference").GetString() == paused.Reference);
        Assert.Equal("paused", row.GetProperty("reason").GetString());
        Assert.Equal(until.ToUnixTimeMilliseconds(), row.GetProperty("until").GetDateTimeOffset().ToUnixTimeMilliseconds());

        var left = until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        if (left > TimeSpan.Zero)
            await Task.Delay(left);
        var (_, changes) = await PullAsync(key, $"{List}&since={first.Headers.GetValues("Suppression-Cursor").Single()}");

        var ended = Assert.Single(changes, r => r.GetProperty("reference").GetString() == paused.Reference);
        Assert.False(ended.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task Addresses_ComeOnlyWithTheirScope()
    {
        var (id, email) = await app.CustomerWithEmailAsync();
        var reference = await app.ReadAsync(db => Task.FromResult(db.Customers.Single(c => c.Id == id).Reference));

        var (_, withoutScope) = await PullAsync(await app.KeyAsync(ApiScopes.SuppressionsRead), List);
        var (_, withScope) = await PullAsync(await app.KeyAsync(ApiScopes.SuppressionsRead, ApiScopes.SuppressionsAddresses), List);

        Assert.False(Assert.Single(withoutScope, r => r.GetProperty("reference").GetString() == reference).TryGetProperty("email", out _));
        Assert.Equal(email, Assert.Single(withScope, r => r.GetProperty("reference").GetString() == reference).GetProperty("email").GetString());
    }

    [Fact]
    public async Task AnErasedCustomer_AppearsByReferenceOnly_EvenToAClientAllowedAddresses_AndTheErasureIsAChange()
    {
        var (id, email) = await app.CustomerWithEmailAsync();
        await app.GrantAsync(id, "marketing", Channel.Sms);
        var reference = await app.ReadAsync(db => Task.FromResult(db.Customers.Single(c => c.Id == id).Reference));
        var key = await app.KeyAsync(ApiScopes.SuppressionsRead, ApiScopes.SuppressionsAddresses);
        var (first, _) = await PullAsync(key, List);

        var erased = await app.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(id, Actor.Staff(ApiAppFixture.Officer));
        Assert.True(erased.Succeeded);
        var (_, changes) = await PullAsync(key, $"{List}&since={first.Headers.GetValues("Suppression-Cursor").Single()}");
        using var whole = await app.Http(key).GetAsync(List);
        var body = await whole.Content.ReadAsStringAsync();

        var row = Assert.Single(changes, r => r.GetProperty("reference").GetString() == reference);
        Assert.True(row.GetProperty("suppressed").GetBoolean());
        Assert.Equal("suppressed_after_erasure", row.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("email").ValueKind);
        Assert.NotNull(row.GetProperty("since").GetString());
        Assert.Contains(reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("format=csv", null)]
    [InlineData("", "text/csv")]
    public async Task Csv_HasAHeaderRowAndTheSameRows(string query, string? accept)
    {
        var never = await app.CustomerAsync();
        using var http = app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead));
        if (accept is not null)
        {
            http.DefaultRequestHeaders.Accept.ParseAdd(accept);
        }

        using var response = await http.GetAsync($"{List}&{query}");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("reference,suppressed,reason,since,until", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{never.Reference},true,no_consent,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api/v1/suppressions?channel=sms", "purpose")]
    [InlineData("api/v1/suppressions?purpose=marketing", "channel")]
    [InlineData("api/v1/suppressions?purpose=no-such-purpose&channel=sms", "purpose")]
    [InlineData("api/v1/suppressions?purpose=marketing&channel=fax", "channel")]
    [InlineData("api/v1/suppressions?purpose=marketing&channel=sms&since=not-a-cursor", "since")]
    [InlineData("api/v1/suppressions?purpose=marketing&channel=sms&since=czE6OTk5OTk5OTk6MA", "since")] // s1:999999999:0, past the ledger's end
    [InlineData("api/v1/suppressions?purpose=marketing&channel=sms&format=xml", "format")]
    public async Task BadInput_Is400NamingTheField(string url, string field)
    {
        using var response = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead)).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}");
    }

    private async Task<(HttpResponseMessage Response, List<JsonElement> Rows)> PullAsync(string key, string url)
    {
        var response = await app.Http(key).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (response, [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())]);
    }

    private async Task SetAsync(Guid customerId, bool granted)
    {
        var result = await app.Services.GetRequiredService<ConsentService>().SetAsync(new ConsentChange(
            customerId, "marketing", Channel.Sms, granted, ConsentChange.AnyVersion, Actor.Staff(ApiAppFixture.Officer, "test", "phone"), ChangeSource.Support));
        Assert.True(result.Succeeded, result.Message);
    }
}

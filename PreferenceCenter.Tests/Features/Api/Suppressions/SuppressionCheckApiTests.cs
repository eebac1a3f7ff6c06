using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.Api.Suppressions;

/// <summary><c>POST /api/v1/suppressions/check</c> over real HTTP: erased and live addresses, the purpose's standing, bad and oversized batches.</summary>
public sealed class SuppressionCheckApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Check = "api/v1/suppressions/check";

    [Fact]
    public async Task WithoutAPurpose_OnlyErasedAddressesAreSuppressed_AndNothingIsEchoed()
    {
        var (erasedId, erasedEmail) = await app.CustomerWithEmailAsync();
        Assert.True((await app.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(erasedId, Actor.Staff(ApiAppFixture.Officer))).Succeeded);
        var (liveId, liveEmail) = await app.CustomerWithEmailAsync();
        var liveReference = await ReferenceAsync(liveId);

        var (results, body) = await CheckAsync(new { items = new[] { $"  {erasedEmail.ToUpperInvariant()} ", liveEmail, "nobody@example.com" } });

        Assert.Equal([(true, "suppressed_after_erasure"), (false, null), (false, null)], results);
        Assert.DoesNotContain(liveReference, body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPurpose_ALiveAddressAnswersItsStandingThere_AsTheDecisionRulesGiveIt()
    {
        var (withoutConsent, withoutEmail) = await app.CustomerWithEmailAsync();
        var (withConsent, withEmail) = await app.CustomerWithEmailAsync();
        await app.GrantAsync(withConsent, "marketing", Channel.Sms);
        var (erasedId, erasedEmail) = await app.CustomerWithEmailAsync();
        await app.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(erasedId, Actor.Staff(ApiAppFixture.Officer));
        // An erased customer's phone, as the erasure leaves it: a fingerprint only (the same number, spelled another way, below).
        await app.WriteAsync(db => SuppressionList.AddAsync(
            db, app.Services.GetRequiredService<SuppressionList>().Fingerprints(null, "+39 333 123 4567", DateTimeOffset.UtcNow), default));

        var (results, body) = await CheckAsync(new
        {
            items = new[] { withoutEmail, withEmail, erasedEmail, "0039 333 1234567", "nobody@example.com" }, purpose = "marketing", channel = "sms",
        });

        Assert.Equal(
            [(true, "no_consent"), (false, null), (true, "suppressed_after_erasure"), (true, "suppressed_after_erasure"), (true, "unknown_subject")],
            results);
        Assert.DoesNotContain(await ReferenceAsync(withoutConsent), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandItems_AreAnswered_AndOneMoreIs413()
    {
        var items = Enumerable.Range(0, 10_000).Select(i => $"bulk-{i}@example.com").ToArray();

        var (results, _) = await CheckAsync(new { items });
        using var tooMany = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead)).PostAsJsonAsync(Check, new { items = items.Append("one-more@example.com") });

        Assert.Equal(10_000, results.Count);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABodyPastTheSizeLimit_Is413_BeforeItIsRead()
    {
        var huge = new string('a', 3_000_000) + "@example.com";

        using var response = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead)).PostAsJsonAsync(Check, new { items = new[] { huge } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MalformedItems_AreNamedByIndex_AndNotEchoed()
    {
        using var response = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead)).PostAsJsonAsync(Check, new
        {
            items = (string[])["fine@example.com", "", "not an address", "12", "@example.com", "+39 333 1234567", "x\u0001@example.com"],
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order();
        Assert.Equal(["items[1]", "items[2]", "items[3]", "items[4]", "items[6]"], errors);
        Assert.DoesNotContain("not an address", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"items\":[]}", "items")]
    [InlineData("{\"items\":[\"a@example.com\"],\"purpose\":\"marketing\"}", "channel")]
    [InlineData("{\"items\":[\"a@example.com\"],\"channel\":\"sms\"}", "purpose")]
    [InlineData("{\"items\":[\"a@example.com\"],\"purpose\":\"marketing\",\"channel\":\"fax\"}", "channel")]
    [InlineData("{\"items\":[\"a@example.com\"],\"purpose\":\"no-such-purpose\",\"channel\":\"sms\"}", "purpose")]
    public async Task BadInput_Is400NamingTheField(string json, string field)
    {
        using var response = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead))
            .PostAsync(Check, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}");
    }

    [Fact]
    public async Task AStreamCountsAsOneRequest_AndAnOversizedCheckCountsToo()
    {
        var limited = await app.ClientAsync(3, ApiScopes.SuppressionsRead);
        var http = app.Http(limited.Key);
        await app.CustomerAsync();

        using var stream = await http.GetAsync("api/v1/suppressions?purpose=marketing&channel=sms");
        using var oversized = await http.PostAsJsonAsync(Check, new { items = Enumerable.Range(0, 10_001).Select(i => $"{i}@example.com") });
        using var third = await http.GetAsync("api/v1/me");
        using var fourth = await http.PostAsJsonAsync(Check, new { items = (string[])["a@example.com"] });

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [stream.StatusCode, oversized.StatusCode, third.StatusCode, fourth.StatusCode]);
        Assert.NotEmpty(await stream.Content.ReadAsStringAsync());
    }

    private async Task<(List<(bool, string?)> Results, string Body)> CheckAsync(object request)
    {
        using var response = await app.Http(await app.KeyAsync(ApiScopes.SuppressionsRead)).PostAsJsonAsync(Check, request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return ([.. JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("suppressed").GetBoolean(), r.GetProperty("reason").GetString()))], body);
    }

    private Task<string> ReferenceAsync(Guid id) => app.ReadAsync(db => Task.FromResult(db.Customers.Single(c => c.Id == id).Reference));
}

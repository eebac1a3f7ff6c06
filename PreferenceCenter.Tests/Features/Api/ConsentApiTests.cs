using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Api.Consents;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>Consents read and written by another system: the page's rules, the ledger's record, the customer's history.</summary>
public sealed class ConsentApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static object Evidence => new { capturedAt = DateTimeOffset.UtcNow.AddHours(-1), collectionPoint = "shop checkout", noticeVersion = 1 };

    [Fact]
    public async Task Write_RecordsTheChangeWithTheClientAsActor_AndItsEvidence()
    {
        var customer = await app.CustomerAsync();
        var created = await app.ClientAsync(1000, ApiScopes.ConsentsWrite);

        using var response = await app.Http(created.Key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "sms", granted = true, evidence = Evidence });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consent = await ApiAppFixture.JsonAsync<ApiConsent>(response);
        Assert.Equal(("marketing", "sms", "granted", 1), (consent.Purpose, consent.Channel, consent.State, consent.NoticeVersion));
        var entry = (await app.LedgerAsync(customer.Id)).Last();
        Assert.Equal((LedgerEventType.ConsentGranted, ActorKind.ApiClient, created.Client!.Id.ToString("N"), ChangeSource.Api),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.Source));
        Assert.Contains("\"collectionPoint\":\"shop checkout\"", entry.Detail, StringComparison.Ordinal);
        Assert.True((await app.Services.GetRequiredService<LedgerVerifier>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Write_WithdrawingAConsentNeverGiven_AnswersNotGivenAndWritesNothing()
    {
        var customer = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.ConsentsWrite);
        var entries = (await app.LedgerAsync(customer.Id)).Count;

        using var response = await app.Http(key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "phone", granted = false, evidence = Evidence });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consent = await ApiAppFixture.JsonAsync<ApiConsent>(response);
        Assert.Equal(("marketing", "phone", "not-given", null, 0), (consent.Purpose, consent.Channel, consent.State, consent.Since, consent.Version));
        Assert.Equal(entries, (await app.LedgerAsync(customer.Id)).Count);
    }

    [Fact]
    public async Task Write_TheCustomersHistoryNamesTheSystemInPlainWords()
    {
        var customer = await app.CustomerAsync();
        var created = await app.ClientAsync(1000, ApiScopes.ConsentsWrite);
        await app.Http(created.Key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "sms", granted = true, evidence = Evidence });

        var page = await app.Services.GetRequiredService<HistoryService>().GetPageAsync(customer.Id, 1);

        var item = page.Items[0];
        Assert.Equal(created.Client!.Name, item.ApiClientName);
    }

    [Fact]
    public async Task Write_MarketingByEmail_StillWaitsForTheCustomersDoubleOptIn()
    {
        var customer = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.ConsentsWrite);

        var consent = await ApiAppFixture.JsonAsync<ApiConsent>(await app.Http(key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "email", granted = true, evidence = Evidence }));

        Assert.Equal("pending", consent.State);
    }

    [Fact]
    public async Task Write_ForAnErasedCustomer_IsRefusedWith409AndWritesNothing()
    {
        var customer = await app.CustomerAsync();
        await app.WriteAsync(async db => (await db.Customers.SingleAsync(c => c.Id == customer.Id)).Status = CustomerStatus.Erased);
        var key = await app.KeyAsync(ApiScopes.ConsentsWrite);
        var before = await app.LedgerCountAsync();

        using var response = await app.Http(key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "sms", granted = true, evidence = Evidence });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await app.LedgerCountAsync());
    }

    [Fact]
    public async Task Write_WithAStaleVersion_Answers409AndKeepsTheNewerChange()
    {
        var customer = await app.CustomerAsync(("marketing", Channel.Sms));
        var key = await app.KeyAsync(ApiScopes.ConsentsWrite);

        using var response = await app.Http(key).PostAsJsonAsync($"api/v1/customers/{customer.Reference}/consents",
            new { purpose = "marketing", channel = "sms", granted = false, expectedVersion = 0, evidence = Evidence });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ConsentStateLabel.Granted, await StateAsync(customer.Id));
    }

    [Theory]
    [InlineData("{\"purpose\":\"marketing\",\"channel\":\"sms\",\"granted\":true}", "evidence")]
    [InlineData("{\"purpose\":\"nope\",\"channel\":\"sms\",\"granted\":true,\"evidence\":{\"capturedAt\":\"2026-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":1}}", "purpose")]
    [InlineData("{\"purpose\":\"marketing\",\"channel\":\"fax\",\"granted\":true,\"evidence\":{\"capturedAt\":\"2026-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":1}}", "channel")]
    [InlineData("{\"purpose\":\"marketing\",\"channel\":\"sms\",\"evidence\":{\"capturedAt\":\"2026-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":1}}", "granted")]
    [InlineData("{\"purpose\":\"marketing\",\"channel\":\"sms\",\"granted\":true,\"evidence\":{\"capturedAt\":\"2999-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":1}}", "evidence.capturedAt")]
    [InlineData("{\"purpose\":\"marketing\",\"channel\":\"sms\",\"granted\":true,\"evidence\":{\"capturedAt\":\"2026-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":99}}", "evidence.noticeVersion")]
    [InlineData("{\"purpose\":\"service\",\"channel\":\"sms\",\"granted\":true,\"evidence\":{\"capturedAt\":\"2026-01-01T00:00:00Z\",\"collectionPoint\":\"x\",\"noticeVersion\":1}}", "purpose")]
    public async Task Write_BadInput_NamesTheFieldAndWritesNothing(string json, string field)
    {
        var customer = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.ConsentsWrite);
        var before = await app.LedgerCountAsync();

        using var response = await app.Http(key).PostAsync($"api/v1/customers/{customer.Reference}/consents",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.LedgerCountAsync());
    }

    [Fact]
    public async Task Read_ListsTheConsents_AndAnUnknownReferenceIs404()
    {
        var customer = await app.CustomerAsync(("marketing", Channel.Sms), ("profiling", Channel.Email));
        var http = app.Http(await app.KeyAsync(ApiScopes.ConsentsRead));

        var consents = await ApiAppFixture.JsonAsync<CustomerConsents>(await http.GetAsync($"api/v1/customers/{customer.Reference.ToLowerInvariant()}/consents"));
        using var unknown = await http.GetAsync("api/v1/customers/PC-ZZZZZZ/consents");
        using var malformed = await http.GetAsync("api/v1/customers/not-a-reference/consents");

        Assert.Equal(customer.Reference, consents.Reference);
        Assert.Equal([("marketing", "sms", "granted"), ("profiling", "email", "granted")], consents.Consents.Select(c => (c.Purpose, c.Channel, c.State)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private Task<string> StateAsync(Guid customerId) =>
        app.ReadAsync(async db => (await db.Consents.SingleAsync(c => c.CustomerId == customerId)).State.ToString());

    private static class ConsentStateLabel
    {
        public const string Granted = "Granted";
    }
}

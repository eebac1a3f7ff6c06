using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Features.Webhooks.Admin;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Webhooks.Admin;

/// <summary>The officer's webhooks page: the secret shown once, each bad address its own message, health and send again.</summary>
public sealed class WebhooksPageTests : PageTestBase
{
    public WebhooksPageTests()
    {
        // Production rules: a private or plain-http address is refused, as it would be on a live server.
        Services.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Production));
        Services.AddSingleton(new WebhookSecrets(new EphemeralDataProtectionProvider()));
        Services.AddSingleton<WebhookUrlValidator>();
        Services.AddSingleton<WebhookAdminService>();
    }

    [Theory]
    [InlineData("http://crm.example.com/hooks", "Use https://: plain http is allowed only for a receiver on this machine (loopback) while developing.")]
    [InlineData("https://10.0.0.8/hooks", "This address leads to a private, loopback or link-local network. Webhooks go only to addresses on the public internet.")]
    [InlineData("https://169.254.169.254/latest", "This address leads to a private, loopback or link-local network. Webhooks go only to addresses on the public internet.")]
    [InlineData("crm.example.com", "This is not a web address: it must start with https://")]
    [InlineData("https://bob:secret@93.184.216.34/hooks", "Leave the user name and password out of the address: requests are signed instead.")]
    public async Task Register_WithABadAddress_SaysWhyNextToTheFieldAndWritesNothing(string url, string message)
    {
        await SignInOfficerAsync();
        await Services.GetRequiredService<ApiClientService>().CreateAsync("crm", [ApiScopes.Decisions], 60, OfficerUserId);
        var cut = Render<WebhooksPage>();
        cut.WaitForElement("#endpoint-url");
        WaitUntilLoaded(cut);

        await cut.InvokeAsync(() => cut.Find("#endpoint-url").Change(url));
        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        await ClickButtonAsync(cut, "Register the endpoint");

        cut.WaitForAssertion(() => Assert.Equal("The endpoint was not registered: see the field marked.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Contains(message, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#new-secret"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.WebhookEndpoints.CountAsync());
        Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.WebhookEndpointRegistered));
    }

    [Fact]
    public async Task Register_ShowsTheSecretOnce_AndListsTheEndpointWithItsHealth()
    {
        await SignInOfficerAsync();
        await Services.GetRequiredService<ApiClientService>().CreateAsync("crm", [ApiScopes.Decisions], 60, OfficerUserId);
        var cut = Render<WebhooksPage>();
        cut.WaitForElement("#endpoint-url");
        WaitUntilLoaded(cut);

        await cut.InvokeAsync(() => cut.Find("#endpoint-url").Change("https://93.184.216.34/hooks"));
        await ClickButtonAsync(cut, "Register the endpoint");
        cut.WaitForAssertion(() => Assert.Contains("Choose at least one event to send.", cut.Markup, StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        await ClickButtonAsync(cut, "Register the endpoint");

        cut.WaitForAssertion(() => Assert.Equal("The endpoint was registered. Copy its signing secret below.", cut.Find("[role=status]").TextContent.Trim()));
        var secret = cut.Find("#new-secret").GetAttribute("value");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var row = cut.Find("table.webhook-endpoints tbody tr").TextContent;
        Assert.Contains("https://93.184.216.34/hooks", row, StringComparison.Ordinal);
        Assert.Contains("never", row, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var stored = await db.WebhookEndpoints.SingleAsync();
        Assert.DoesNotContain(secret!["whsec_".Length..], stored.SealedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await db.LedgerEntries.Select(e => e.Detail ?? string.Empty).ToListAsync());

        await ClickButtonAsync(cut, "I have stored it");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#new-secret")));
    }

    [Fact]
    public async Task DeadLetters_AreCounted_AndSendAgainPutsThemBackInLine()
    {
        await SignInOfficerAsync();
        var endpoint = await AddEndpointWithDeadLetterAsync();
        var cut = Render<WebhooksPage>();
        cut.WaitForElement("table.webhook-endpoints");
        WaitUntilLoaded(cut);
        Assert.Contains("HTTP 500", cut.Markup, StringComparison.Ordinal);

        await ClickButtonAsync(cut, "Send the 1 dead letters again");

        cut.WaitForAssertion(() => Assert.Equal("1 dead letters are back in line, in their order.", cut.Find("[role=status]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.EndpointId == endpoint);
        Assert.Null(delivery.DeadLetteredAt);
        Assert.Equal(Clock.GetUtcNow(), delivery.NextAttemptAt);
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.WebhookDeadLettersResent));
    }

    [Fact]
    public async Task MarkingAClientAsAPartners_IsSavedWithALedgerEntry()
    {
        await SignInOfficerAsync();
        var client = (await Services.GetRequiredService<ApiClientService>().CreateAsync("northwind crm", [ApiScopes.Decisions], 60, OfficerUserId)).Client!;
        int partner;
        await using (var db = Database.CreateDbContext())
        {
            var recipient = db.Recipients.Add(new Recipient { Name = "Northwind Traders", Country = "IT" }).Entity;
            await db.SaveChangesAsync();
            partner = recipient.Id;
        }

        var cut = Render<WebhooksPage>();
        cut.WaitForElement($"#partner-{client.Id:N}");
        WaitUntilLoaded(cut);

        await cut.InvokeAsync(() => cut.Find($"#partner-{client.Id:N}").Change(partner.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.Equal("northwind crm now belongs to Northwind Traders.", cut.Find("[role=status]").TextContent.Trim()));
        await using var check = Database.CreateDbContext();
        Assert.Equal(partner, (await check.ApiClients.SingleAsync()).RecipientId);
        Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ApiClientPartnerChanged));
    }

    private async Task<Guid> AddEndpointWithDeadLetterAsync()
    {
        var client = (await Services.GetRequiredService<ApiClientService>().CreateAsync("crm", [ApiScopes.Decisions], 60, OfficerUserId)).Client!;
        await using var db = Database.CreateDbContext();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid(), ApiClientId = client.Id, Url = "https://93.184.216.34/hooks", EventTypes = WebhookEventTypes.ConsentChanged,
            SealedSecret = "sealed", CreatedAt = Now,
        };
        db.WebhookEndpoints.Add(endpoint);
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            EndpointId = endpoint.Id, LedgerSequence = 1, CustomerId = CustomerId, EventType = WebhookEventTypes.ConsentChanged,
            MessageId = "msg_1", Payload = "{}", OccurredAt = Now, QueuedAt = Now, TryingSince = Now, NextAttemptAt = Now, Attempts = 9,
            LastAttemptAt = Now, LastStatusCode = 500, LastError = "HTTP 500", DeadLetteredAt = Now,
        });
        await db.SaveChangesAsync();
        return endpoint.Id;
    }


    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PreferenceCenter";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

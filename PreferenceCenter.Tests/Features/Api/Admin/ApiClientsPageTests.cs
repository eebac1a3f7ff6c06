using Bunit;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Api.Admin;
using PreferenceCenter.Features.Api.Clients;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Api.Admin;

/// <summary>The officer's API clients page: the key shown once, problems next to their field, revoke asks twice.</summary>
public sealed class ApiClientsPageTests : PageTestBase
{
    [Fact]
    public async Task Create_ShowsTheKeyOnce_AndListsTheClient()
    {
        await SignInOfficerAsync();
        var cut = Render<ApiClientsPage>();
        cut.WaitForElement("#client-name");

        await cut.InvokeAsync(() => cut.Find("#client-name").Change("newsletter system"));
        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        await ClickButtonAsync(cut, "Create the client");

        cut.WaitForAssertion(() => Assert.Equal("newsletter system was created. Copy its key below.", cut.Find("[role=status]").TextContent.Trim()));
        var key = cut.Find("#new-key").GetAttribute("value");
        Assert.StartsWith(ApiKey.Prefix, key, StringComparison.Ordinal);
        Assert.Contains("newsletter system", cut.Find("table.api-clients").TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var stored = await db.ApiClients.SingleAsync();
        Assert.Equal(ApiScopes.Decisions, stored.Scopes);
        Assert.DoesNotContain(key!, await db.LedgerEntries.Select(e => e.Detail ?? string.Empty).SingleAsync(), StringComparison.Ordinal);

        await ClickButtonAsync(cut, "I have stored it");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#new-key")));
    }

    [Fact]
    public async Task Create_WithoutANameOrAScope_SaysSoNextToTheFieldsAndWritesNothing()
    {
        await SignInOfficerAsync();
        var cut = Render<ApiClientsPage>();
        cut.WaitForElement("#client-name");

        await ClickButtonAsync(cut, "Create the client");

        cut.WaitForAssertion(() => Assert.Equal("The client was not created: see the field marked.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Contains("Give the client a name.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#new-key"));
        await using var db = Database.CreateDbContext();
        Assert.Equal((0, 0), (await db.ApiClients.CountAsync(), await db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Revoke_AsksForConfirmation_ThenStopsTheClient()
    {
        await SignInOfficerAsync();
        var created = await Services.GetRequiredService<ApiClientService>().CreateAsync("crm", [ApiScopes.ConsentsRead], 60, OfficerUserId);
        var cut = Render<ApiClientsPage>();
        cut.WaitForElement("table.api-clients");

        await ClickButtonAsync(cut, "Revoke crm");
        await using (var db = Database.CreateDbContext())
        {
            Assert.Null((await db.ApiClients.SingleAsync()).RevokedAt);
        }

        await ClickButtonAsync(cut, "Yes, revoke crm now");

        cut.WaitForAssertion(() => Assert.Equal("crm was revoked: its keys stopped working.", cut.Find("[role=status]").TextContent.Trim()));
        await using var after = Database.CreateDbContext();
        Assert.Equal(Now, (await after.ApiClients.SingleAsync(c => c.Id == created.Client!.Id)).RevokedAt);
        Assert.Equal(LedgerEventType.ApiClientRevoked, (await after.LedgerEntries.OrderBy(e => e.Sequence).LastAsync()).EventType);
    }
}

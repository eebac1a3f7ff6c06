using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Unsubscribe;

/// <summary><c>/u/{token}</c> over real HTTP against the running app: the one-click POST, the page, its choices.</summary>
public sealed partial class UnsubscribeEndpointTests(UnsubscribeAppFixture app) : IClassFixture<UnsubscribeAppFixture>
{
    private static FormUrlEncodedContent OneClick => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task OneClickPost_WithdrawsOnlyThatPurposeAndChannel_WithOneLedgerEntry()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;
        using var client = app.NewClient();

        using var response = await client.PostAsync($"u/{app.Token(customer)}", OneClick);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cells = await app.CellsAsync(customer);
        Assert.False(cells[("marketing", Channel.Email)].IsOn);
        Assert.True(cells[("marketing", Channel.Sms)].IsOn);
        Assert.True(cells[("profiling", Channel.Email)].IsOn);
        var added = (await app.LedgerAsync(customer)).Skip(before).ToList();
        var entry = Assert.Single(added);
        Assert.Equal(LedgerEventType.ConsentWithdrawn, entry.EventType);
        Assert.Equal(ChangeSource.OneClickUnsubscribe, entry.Source);
        Assert.Equal(("marketing", Channel.Email), (entry.PurposeKey, entry.Channel!.Value));
        Assert.Equal(customer.ToString(), entry.ActorId);
    }

    [Fact]
    public async Task OneClickPost_RecordsWhichEmailTheLinkCameFrom()
    {
        var customer = await app.NewCustomerAsync();
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds());
        using var client = app.NewClient();

        using var response = await client.PostAsync($"u/{app.Token(customer, clock: new FakeTimeProvider(sent))}", OneClick);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await app.LedgerAsync(customer))[^1];
        Assert.Equal(LedgerEventType.ConsentWithdrawn, entry.EventType);
        Assert.Equal("email-of:" + LedgerTime.Format(sent), entry.Detail);
    }

    [Fact]
    public async Task OneClickPost_Replayed_SucceedsAndWritesNothingNew()
    {
        var customer = await app.NewCustomerAsync();
        var token = app.Token(customer);
        using var client = app.NewClient();
        using var first = await client.PostAsync($"u/{token}", OneClick);
        var after = (await app.LedgerAsync(customer)).Count;

        using var replay = await client.PostAsync($"u/{token}", OneClick);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(after, (await app.LedgerAsync(customer)).Count);
    }

    [Fact]
    public async Task Post_WithoutTheOneClickBody_IsRefusedAndChangesNothing()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;
        using var client = app.NewClient();

        using var response = await client.PostAsync($"u/{app.Token(customer)}", new FormUrlEncodedContent([new("List-Unsubscribe", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await app.LedgerAsync(customer)).Count);
    }

    [Fact]
    public async Task Get_ShowsTheChoicesAndChangesNothing()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;
        using var client = app.NewClient();

        var html = await client.GetStringAsync($"u/{app.Token(customer)}");

        foreach (var choice in new[] { "LessOften", "Pause", "Unsubscribe", "Everything" })
        {
            Assert.Contains($"value=\"{choice}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Marketing by email", html, StringComparison.Ordinal);
        Assert.Contains("href=\"preferences\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor.web.js\" autostart", html, StringComparison.Ordinal);
        Assert.True((await app.CellsAsync(customer))[("marketing", Channel.Email)].IsOn);
        Assert.Equal(before, (await app.LedgerAsync(customer)).Count);
    }

    public static TheoryData<string, HttpStatusCode> BadLinks => new()
    {
        { "tampered", HttpStatusCode.BadRequest },
        { "expired", HttpStatusCode.Gone },
        { "wrong-purpose", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task BadToken_GetsAClearPageAndTheOneClickIsRefused_NothingChanges(string kind, HttpStatusCode expected)
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;
        var token = BadToken(kind, customer);
        using var client = app.NewClient();

        using var page = await client.GetAsync($"u/{token}");
        using var post = await client.PostAsync($"u/{token}", OneClick);

        Assert.Equal(expected, page.StatusCode);
        Assert.Contains("This link cannot be used", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(expected, post.StatusCode);
        Assert.True((await app.CellsAsync(customer))[("marketing", Channel.Email)].IsOn);
        Assert.Equal(before, (await app.LedgerAsync(customer)).Count);
    }

    [Theory]
    [InlineData("Unsubscribe", LedgerEventType.ConsentWithdrawn)]
    [InlineData("LessOften", LedgerEventType.ContactFrequencyChanged)]
    [InlineData("Pause", LedgerEventType.ContactPaused)]
    public async Task PageChoice_WritesItsOneLedgerEntry_FromTheUnsubscribePage(string choice, LedgerEventType expected)
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;

        var (status, location) = await PostFormAsync(customer, "choose", "choice", choice);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith($"?done={choice}", location, StringComparison.Ordinal);
        var entry = Assert.Single((await app.LedgerAsync(customer)).Skip(before));
        Assert.Equal(expected, entry.EventType);
        Assert.Equal(ChangeSource.UnsubscribePage, entry.Source);
        Assert.Equal(Channel.Email, entry.Channel);
        Assert.NotNull(LinkOrigin.Read(entry.Detail)); // which email's link it came from
        Assert.Equal(choice == "Unsubscribe", !(await app.CellsAsync(customer))[("marketing", Channel.Email)].IsOn);
    }

    [Fact]
    public async Task PageChoice_LessOften_WhereWeAlreadyWriteMonthly_ChangesNothingAndSaysSo()
    {
        var customer = await app.NewCustomerAsync();
        var monthly = await app.Services.GetRequiredService<ContactRulesService>().SetFrequencyAsync(
            customer, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, Actor.Customer(customer), ChangeSource.Web);
        Assert.Equal(PreferenceChangeOutcome.Saved, monthly.Outcome);
        var before = (await app.LedgerAsync(customer)).Count;

        var (status, location) = await PostFormAsync(customer, "choose", "choice", "LessOften");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("?done=AlreadyLeast", location, StringComparison.Ordinal);
        Assert.Equal(before, (await app.LedgerAsync(customer)).Count);
    }

    [Fact]
    public async Task PageChoice_Everything_WithdrawsEveryConsent()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;

        await PostFormAsync(customer, "choose", "choice", "Everything");

        Assert.All((await app.CellsAsync(customer)).Values, cell => Assert.False(cell.IsOn));
        var added = (await app.LedgerAsync(customer)).Skip(before).ToList();
        Assert.Equal(4, added.Count);
        Assert.All(added[..3], e => Assert.Equal((LedgerEventType.ConsentWithdrawn, ChangeSource.UnsubscribePage), (e.EventType, e.Source)));
        Assert.Equal(LedgerEventType.AllConsentsWithdrawn, added[3].EventType);
    }

    [Fact]
    public async Task PageChoice_Everything_ThenUndo_BringsBackWhatWasOn()
    {
        var customer = await app.NewCustomerAsync();
        var was = await app.CellsAsync(customer);
        await PostFormAsync(customer, "choose", "choice", "Everything");
        using (var client = app.NewClient())
        {
            Assert.Contains("Undo: switch back on what was on", await client.GetStringAsync($"u/{app.Token(customer)}?done=Everything"), StringComparison.Ordinal);
        }

        var (status, location) = await PostFormAsync(customer, "undo", "undo", "everything");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("?done=Undone", location, StringComparison.Ordinal);
        Assert.Equal(was.Values.Select(c => (c.PurposeKey, c.Channel, c.IsOn, c.ExpiresAt)).Order(),
            (await app.CellsAsync(customer)).Values.Select(c => (c.PurposeKey, c.Channel, c.IsOn, c.ExpiresAt)).Order());
        var undone = (await app.LedgerAsync(customer))[^1];
        Assert.Equal((LedgerEventType.WithdrawAllUndone, ChangeSource.UnsubscribePage, "3"), (undone.EventType, undone.Source, undone.After));

        var (_, again) = await PostFormAsync(customer, "undo", "undo", "everything");
        Assert.EndsWith("?done=NothingToUndo", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingReason_IsOneLedgerEntryNamingOnlyTheReasonKey()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;

        var (_, location) = await PostFormAsync(customer, "reason", "reason", "NeverSignedUp");

        Assert.EndsWith("?done=Reason", location, StringComparison.Ordinal);
        var entry = Assert.Single((await app.LedgerAsync(customer)).Skip(before));
        Assert.Equal(LedgerEventType.UnsubscribeFeedbackGiven, entry.EventType);
        Assert.Equal("never-signed-up", entry.Detail);
        Assert.True((await app.CellsAsync(customer))[("marketing", Channel.Email)].IsOn);
    }

    [Fact]
    public async Task PageChoice_WithoutTheAntiforgeryToken_IsRefused()
    {
        var customer = await app.NewCustomerAsync();
        var before = (await app.LedgerAsync(customer)).Count;
        using var client = app.NewClient();

        using var response = await client.PostAsync($"u/{app.Token(customer)}/choose", new FormUrlEncodedContent([new("choice", "Unsubscribe")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await app.LedgerAsync(customer)).Count);
    }

    [Fact]
    public async Task LinkKeys_AreKeptInTheDatabase_SoLinksOutliveARestart()
    {
        var customer = await app.NewCustomerAsync();
        var token = app.Token(customer);
        using var client = app.NewClient();
        using var response = await client.GetAsync($"u/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // "Restart": a fresh Data Protection stack that knows only the keys in the app's database reads the link.
        var (restarted, services) = app.LinkTokensAfterARestart();
        await using (services)
        {
            var read = restarted.TryRead(token, LinkPurpose.Unsubscribe);
            Assert.True(read.Succeeded, $"A link made before the restart was refused after it: {read.Failure}");
            Assert.Equal(customer, read.Token.CustomerId);
        }

        Assert.True(await app.DataProtectionKeyCountAsync() > 0);
    }

    private string BadToken(string kind, Guid customer) => kind switch
    {
        "expired" => app.ExpiredToken(customer),
        "wrong-purpose" => app.Token(customer, LinkPurpose.Renew),
        _ => Tamper(app.Token(customer)),
    };

    private static string Tamper(string token)
    {
        var middle = token.Length / 2;
        return token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
    }

    // As a browser does it: GET the page (antiforgery cookie + token), then post the form.
    private async Task<(HttpStatusCode Status, string Location)> PostFormAsync(Guid customer, string action, string field, string value)
    {
        var token = app.Token(customer);
        using var client = app.NewClient();
        var html = await client.GetStringAsync($"u/{token}");
        var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
        using var response = await client.PostAsync($"u/{token}/{action}", new FormUrlEncodedContent(
            [new(field, value), new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery))]));
        return (response.StatusCode, response.Headers.Location?.ToString() ?? string.Empty);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

/// <summary>Support files an erasure request for a customer: through the erasure workflow, attributed, and only that.</summary>
public sealed class SupportErasureTests : IAsyncLifetime
{
    private static readonly Uri ConfirmPage = new("https://prefs.example/forget-me/confirm");
    private const string IdentityChecked = "Asked to be forgotten; identity checked by security questions and a call back on the number on file";
    private static readonly OnBehalfRequest ByPhone = new(RequestChannel.Phone, IdentityChecked);

    private SupportFixture fixture = default!;

    public async Task InitializeAsync() => fixture = await SupportFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    private async Task<List<ErasureRequest>> RequestsAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ErasureRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private bool AnyMailSent => Directory.Exists(fixture.PickupDirectory) && Directory.GetFiles(fixture.PickupDirectory, "*.eml").Length > 0;

    [Theory]
    [InlineData(Roles.Support)]
    [InlineData(Roles.PrivacyOfficer)]
    public async Task FileErasure_OnBehalf_WritesTheRequestAndOneEntryNamingTheAgentTheChannelAndTheReason(string role)
    {
        var result = await fixture.Console.FileErasureAsync(SupportFixture.Staff(role), fixture.Mario, ByPhone, ConfirmPage);

        Assert.True(result.Filed);
        var request = Assert.Single(await RequestsAsync());
        Assert.Equal((fixture.Mario, ErasureState.Requested, SupportFixture.Now, SupportFixture.Now.AddMonths(1), "it"),
            (request.CustomerId, request.State, request.RequestedAt, request.DueAt, request.Culture));
        var entry = Assert.Single(await fixture.LedgerAsync());
        Assert.Equal(
            (LedgerEventType.ErasureRequested, ActorKind.Staff, SupportFixture.AgentUserId, fixture.Mario, ChangeSource.Support, "phone", IdentityChecked, $"request:{request.Id}"),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.SubjectId, entry.Source, entry.RequestChannel, await fixture.OpenAsync(fixture.Mario, entry.Reason), entry.Detail));
    }

    [Fact]
    public async Task FileErasure_OnBehalf_EmailsTheCustomerInTheirLanguageThatSupportFiledIt_WithTheConfirmationLink()
    {
        await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, ByPhone, ConfirmPage);

        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, SupportFixture.MarioEmail);
        Assert.Equal("Conferma la richiesta di cancellazione registrata dal nostro supporto", mail.Subject);
        Assert.StartsWith("Il 23 nov 2026, 10:14 UTC il nostro supporto ha registrato una richiesta di cancellazione dei tuoi dati personali", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("token=", MailPickup.LinkTo(mail, "/forget-me/confirm").Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDetails_ShowsTheOpenRequestWithItsDeadline()
    {
        await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, ByPhone, ConfirmPage);
        fixture.Clock.Advance(TimeSpan.FromDays(10));

        var details = await fixture.Console.GetDetailsAsync(SupportFixture.Staff(), fixture.Mario, CultureInfo.GetCultureInfo("en"));

        var open = details.OpenErasure!;
        Assert.Equal((ErasureState.Requested, SupportFixture.Now, SupportFixture.Now.AddMonths(1), 20, false),
            (open.State, open.RequestedAt, open.DueAt, open.DaysLeft, open.IsOverdue));
        Assert.Null((await fixture.Console.GetDetailsAsync(SupportFixture.Staff(), fixture.Ana, CultureInfo.GetCultureInfo("en"))).OpenErasure);
    }

    [Fact]
    public async Task FileErasure_ForAnErasedCustomer_IsRefusedAndWritesNothing()
    {
        await fixture.EraseAsync(fixture.Mario);

        var result = await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, ByPhone, ConfirmPage);

        Assert.Equal(SupportErasureResult.Refused(SupportProblem.CustomerErased), result);
        Assert.Empty(await RequestsAsync());
        Assert.Empty(await fixture.LedgerAsync());
        Assert.False(AnyMailSent);
    }

    [Theory]
    [InlineData(RequestChannel.Phone, "   ", SupportProblem.MissingReason)]
    [InlineData(RequestChannel.Phone, null, SupportProblem.MissingReason)]
    [InlineData(null, IdentityChecked, SupportProblem.MissingChannel)]
    [InlineData((RequestChannel)99, IdentityChecked, SupportProblem.UnknownChannel)]
    public async Task FileErasure_WithoutAChannelOrAReason_IsRefusedAndWritesNothing(RequestChannel? channel, string? reason, SupportProblem expected)
    {
        var result = await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, new OnBehalfRequest(channel, reason), ConfirmPage);

        Assert.Equal(SupportErasureResult.Refused(expected), result);
        Assert.Empty(await RequestsAsync());
        Assert.Empty(await fixture.LedgerAsync());
        Assert.False(AnyMailSent);
    }

    [Fact]
    public async Task FileErasure_WhileARequestIsOpen_IsRefusedAndWritesNothingMore()
    {
        await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, ByPhone, ConfirmPage);

        var again = await fixture.Console.FileErasureAsync(SupportFixture.Staff(), fixture.Mario, ByPhone with { Channel = RequestChannel.Email }, ConfirmPage);

        Assert.False(again.Filed);
        Assert.Equal((ErasureOutcome.Refused, ErasureProblem.AlreadyOpen), (again.Erasure!.Outcome, again.Erasure.Problem));
        Assert.Single(await RequestsAsync());
        Assert.Single(await fixture.LedgerAsync());
        Assert.Single(Directory.GetFiles(fixture.PickupDirectory, "*.eml"));
    }

    public static TheoryData<string> NotStaff => ["customer", "anonymous", "support-without-two-factor"];

    [Theory]
    [MemberData(nameof(NotStaff))]
    public async Task FileErasure_ByAnyoneButStaff_ThrowsAndWritesNothing(string who)
    {
        var caller = who switch
        {
            "customer" => SupportFixture.CustomerPrincipal(fixture.Mario),
            "anonymous" => SupportFixture.Anonymous,
            _ => SupportFixture.Staff(twoFactor: false),
        };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Console.FileErasureAsync(caller, fixture.Mario, ByPhone, ConfirmPage));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Console.GetDetailsAsync(caller, fixture.Mario, CultureInfo.InvariantCulture));
        Assert.Empty(await RequestsAsync());
        Assert.Empty(await fixture.LedgerAsync());
    }
}

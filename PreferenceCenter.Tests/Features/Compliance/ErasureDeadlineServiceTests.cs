using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Compliance;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.Features.Erasure;
using PreferenceCenter.Tests.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Compliance;

/// <summary>Extending a deadline: the date and the ledger entry together, then the customer's email with the reason.</summary>
public sealed class ErasureDeadlineServiceTests
{
    private static ErasureDeadlineService ServiceFor(ErasureFixture fixture) => new(
        fixture.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>(), fixture.Database, new LedgerWriter(fixture.Clock),
        fixture.Clock, fixture.Services.GetRequiredService<ErasureAccounts>(), fixture.Services.GetRequiredService<IEmailTransport>(),
        fixture.Services.GetRequiredService<MailComposer>(), fixture.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

    [Fact]
    public async Task Extend_MovesTheDueDate_WritesTheLedger_AndEmailsTheCustomerWhy()
    {
        await using var fixture = await ErasureFixture.CreateAsync();
        var request = await fixture.RequestAsync();

        var outcome = await ServiceFor(fixture).ExtendAsync(ErasureFixture.Officer, request.Id, 2, "  Our backups take weeks to search.  ");

        Assert.Equal(DeadlineExtensionOutcome.Extended, outcome);
        await using var db = fixture.Database.CreateDbContext();
        var stored = await db.ErasureRequests.SingleAsync();
        Assert.Equal((request.DueAt.AddMonths(2), fixture.Clock.GetUtcNow(), "Our backups take weeks to search."),
            (stored.DueAt, stored.DeadlineExtendedAt!.Value, stored.DeadlineExtensionReason));
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.ErasureDeadlineExtended);
        Assert.Equal((fixture.CustomerId, LedgerTime.Format(request.DueAt), LedgerTime.Format(request.DueAt.AddMonths(2)), $"request:{request.Id}"),
            (entry.SubjectId!.Value, entry.Before, entry.After, entry.Detail));
        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email, "We need more time for your erasure request");
        Assert.Contains("Our backups take weeks to search.", mail.TextBody, StringComparison.Ordinal);
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Extend_ASecondTime_ChangesNothingAndSendsNothingMore()
    {
        await using var fixture = await ErasureFixture.CreateAsync();
        var request = await fixture.RequestAsync();
        var service = ServiceFor(fixture);
        await service.ExtendAsync(ErasureFixture.Officer, request.Id, 1, "Many requests.");

        Assert.Equal(DeadlineExtensionOutcome.AlreadyExtended, await service.ExtendAsync(ErasureFixture.Officer, request.Id, 1, "Still busy."));

        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(request.DueAt.AddMonths(1), (await db.ErasureRequests.SingleAsync()).DueAt);
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ErasureDeadlineExtended));
    }

    [Fact]
    public async Task Extend_BySupportStaff_IsRefused()
    {
        await using var fixture = await ErasureFixture.CreateAsync();
        var request = await fixture.RequestAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            ServiceFor(fixture).ExtendAsync(SupportFixture.Staff(PreferenceCenter.Features.Accounts.Roles.Support), request.Id, 1, "Why"));
    }
}

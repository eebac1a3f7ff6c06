using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>
/// The workflow's staff entry point: a request filed by support follows the customer's own steps (the customer
/// confirms by the emailed link), and support can neither decide nor run one: the queue refuses them.
/// </summary>
public sealed class ErasureOnBehalfTests : IAsyncLifetime
{
    private static readonly Actor Agent = Actor.Staff("agent-user-id", "Identity checked by security questions", "phone");

    private ErasureFixture fixture = default!;

    public async Task InitializeAsync() => fixture = await ErasureFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    private async Task<int> RequestCountAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ErasureRequests.CountAsync();
    }

    [Fact]
    public async Task FiledOnBehalf_StartsUnconfirmed_AndTheCustomerConfirmsItFromTheEmailedLink()
    {
        var filed = await fixture.Requests.FileOnBehalfAsync(fixture.CustomerId, Agent, ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureOutcome.Saved, ErasureState.Requested), (filed.Outcome, filed.Request!.State));
        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email);
        Assert.Equal("Confirm the erasure request our support team filed for you", mail.Subject);
        var token = Uri.UnescapeDataString(MailPickup.LinkTo(mail, "/forget-me/confirm").Query["?token=".Length..]);

        var confirmed = await fixture.Requests.ConfirmAsync(token);

        Assert.Equal(ErasureState.Verified, confirmed.Request!.State);
        var ledger = await fixture.ErasureLedgerAsync();
        Assert.Equal(
            [(LedgerEventType.ErasureRequested, ActorKind.Staff, "agent-user-id", ChangeSource.Support), (LedgerEventType.ErasureVerified, ActorKind.Customer, fixture.CustomerId.ToString(), ChangeSource.EmailLink)],
            ledger.Select(e => (e.EventType, e.ActorKind, e.ActorId, e.Source)));
    }

    [Theory]
    [InlineData("  ", "phone", ErasureProblem.IdentityCheckRequired)]
    [InlineData(null, "phone", ErasureProblem.IdentityCheckRequired)]
    [InlineData("Identity checked", null, ErasureProblem.ChannelRequired)]
    [InlineData("Identity checked", "fax", ErasureProblem.ChannelRequired)]
    [InlineData("Identity checked\0", "phone", ErasureProblem.ReasonHasControlCharacter)]
    public async Task FiledOnBehalf_WithoutTheIdentityCheckOrTheChannel_IsRefusedAndWritesNothing(string? reason, string? channel, ErasureProblem expected)
    {
        var result = await fixture.Requests.FileOnBehalfAsync(fixture.CustomerId, Actor.Staff("agent-user-id", reason, channel), ErasureFixture.ConfirmPage);

        Assert.Equal(ErasureResult.Refused(expected), result);
        Assert.Equal(0, await RequestCountAsync());
        Assert.Empty(await fixture.ErasureLedgerAsync());
    }

    [Fact]
    public async Task FiledOnBehalf_WhileTheCustomersOwnRequestIsOpen_IsRefused()
    {
        var own = await fixture.RequestAsync();

        var result = await fixture.Requests.FileOnBehalfAsync(fixture.CustomerId, Agent, ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureOutcome.Refused, ErasureProblem.AlreadyOpen, own.Id), (result.Outcome, result.Problem, result.Request!.Id));
        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task Queue_RefusesASupportAgent_ToList_Approve_Reject_OrRun_AndNothingChanges()
    {
        var request = await fixture.VerifiedAsync();
        var support = SupportFixture.Staff(Roles.Support);
        var before = await fixture.ErasureLedgerAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Queue.ListAsync(support));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Queue.ApproveAsync(support, request.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Queue.RejectAsync(support, request.Id, "No"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Queue.RunNowAsync(support, request.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Queue.ApproveAsync(SupportFixture.CustomerPrincipal(fixture.CustomerId), request.Id));

        Assert.Equal(ErasureState.Verified, await fixture.StateOfAsync(request.Id));
        Assert.Equal(before.Count, (await fixture.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Queue_LetsTheOfficerApproveARequestSupportFiled_OnceTheCustomerConfirmed()
    {
        var filed = await fixture.Requests.FileOnBehalfAsync(fixture.CustomerId, Agent, ErasureFixture.ConfirmPage);
        Assert.Equal(ErasureProblem.NotConfirmedYet, (await fixture.Queue.ApproveAsync(ErasureFixture.Officer, filed.Request!.Id)).Problem);

        await fixture.Requests.ConfirmAsync(fixture.Links.Issue(filed.Request.Id, fixture.CustomerId));
        var approved = await fixture.Queue.ApproveAsync(ErasureFixture.Officer, filed.Request.Id);

        Assert.Equal(ErasureState.Approved, approved.Request!.State);
        Assert.Equal(ErasureFixture.OfficerUserId, (await fixture.ErasureLedgerAsync())[^1].ActorId);
    }
}

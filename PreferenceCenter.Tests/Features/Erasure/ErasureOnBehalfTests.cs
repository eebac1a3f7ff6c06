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

    private ErasureFixture f = default!;

    public async Task InitializeAsync() => f = await ErasureFixture.CreateAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    private async Task<int> RequestCountAsync()
    {
        await using var db = f.Database.CreateDbContext();
        return await db.ErasureRequests.CountAsync();
    }

    [Fact]
    public async Task FiledOnBehalf_StartsUnconfirmed_AndTheCustomerConfirmsItFromTheEmailedLink()
    {
        var filed = await f.Requests.FileOnBehalfAsync(f.CustomerId, Agent, ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureRequestOutcome.Saved, ErasureState.Requested), (filed.Outcome, filed.Request!.State));
        using var mail = await MailPickup.SingleMessageToAsync(f.PickupDirectory, f.Email);
        Assert.Equal("Confirm the erasure request our support team filed for you", mail.Subject);
        var token = Uri.UnescapeDataString(MailPickup.LinkTo(mail, "/forget-me/confirm").Query["?token=".Length..]);

        var confirmed = await f.Requests.ConfirmAsync(token);

        Assert.Equal(ErasureState.Verified, confirmed.Request!.State);
        var ledger = await f.ErasureLedgerAsync();
        Assert.Equal(
            [(LedgerEventType.ErasureRequested, ActorKind.Staff, "agent-user-id", ChangeSource.Support), (LedgerEventType.ErasureVerified, ActorKind.Customer, f.CustomerId.ToString(), ChangeSource.EmailLink)],
            ledger.Select(e => (e.EventType, e.ActorKind, e.ActorId, e.Source)));
    }

    [Theory]
    [InlineData("  ", "phone", ErasureProblem.IdentityCheckRequired)]
    [InlineData(null, "phone", ErasureProblem.IdentityCheckRequired)]
    [InlineData("Identity checked", null, ErasureProblem.ChannelRequired)]
    public async Task FiledOnBehalf_WithoutTheIdentityCheckOrTheChannel_IsRefusedAndWritesNothing(string? reason, string? channel, ErasureProblem expected)
    {
        var result = await f.Requests.FileOnBehalfAsync(f.CustomerId, Actor.Staff("agent-user-id", reason, channel), ErasureFixture.ConfirmPage);

        Assert.Equal(ErasureRequestResult.Refused(expected), result);
        Assert.Equal(0, await RequestCountAsync());
        Assert.Empty(await f.ErasureLedgerAsync());
    }

    [Fact]
    public async Task FiledOnBehalf_WhileTheCustomersOwnRequestIsOpen_IsRefused()
    {
        var own = await f.RequestAsync();

        var result = await f.Requests.FileOnBehalfAsync(f.CustomerId, Agent, ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureRequestOutcome.Refused, ErasureProblem.AlreadyOpen, own.Id), (result.Outcome, result.Problem, result.Request!.Id));
        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task Queue_RefusesASupportAgent_ToList_Approve_Reject_OrRun_AndNothingChanges()
    {
        var request = await f.VerifiedAsync();
        var support = SupportFixture.Staff(Roles.Support);
        var before = await f.ErasureLedgerAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Queue.ListAsync(support));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Queue.ApproveAsync(support, request.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Queue.RejectAsync(support, request.Id, "No"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Queue.RunNowAsync(support, request.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Queue.ApproveAsync(SupportFixture.CustomerPrincipal(f.CustomerId), request.Id));

        Assert.Equal(ErasureState.Verified, await f.StateOfAsync(request.Id));
        Assert.Equal(before.Count, (await f.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Queue_LetsTheOfficerApproveARequestSupportFiled_OnceTheCustomerConfirmed()
    {
        var filed = await f.Requests.FileOnBehalfAsync(f.CustomerId, Agent, ErasureFixture.ConfirmPage);
        Assert.Equal(ErasureProblem.NotConfirmedYet, (await f.Queue.ApproveAsync(ErasureFixture.Officer, filed.Request!.Id)).Problem);

        await f.Requests.ConfirmAsync(f.Tokens.Issue(filed.Request.Id, f.CustomerId));
        var approved = await f.Queue.ApproveAsync(ErasureFixture.Officer, filed.Request.Id);

        Assert.Equal(ErasureState.Approved, approved.Request!.State);
        Assert.Equal(ErasureFixture.OfficerUserId, (await f.ErasureLedgerAsync())[^1].ActorId);
    }
}

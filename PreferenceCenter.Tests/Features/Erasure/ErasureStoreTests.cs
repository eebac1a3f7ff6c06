using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureStoreTests : IAsyncLifetime
{
    private ErasureFixture f = null!;

    public async Task InitializeAsync() => f = await ErasureFixture.CreateAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Request_WithTheWrongPassword_WritesNothingAndSendsNothing()
    {
        var result = await f.Requests.RequestAsync(f.CustomerId, "not-my-password", "en", ErasureFixture.ConfirmPage);

        Assert.Equal(ErasureProblem.WrongPassword, result.Problem);
        Assert.Empty(await f.Requests.ListAsync(f.CustomerId));
        Assert.Empty(await f.ErasureLedgerAsync());
        Assert.False(Directory.Exists(f.PickupDirectory));
    }

    [Fact]
    public async Task Request_WithTheWrongPassword_CountsTowardLockout()
    {
        await f.Requests.RequestAsync(f.CustomerId, "not-my-password", "en", ErasureFixture.ConfirmPage);

        await using var scope = f.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(f.Email))!));
    }

    [Fact]
    public async Task Request_RecordsItDueInOneMonth_WithItsLedgerEntry_AndEmailsTheLink()
    {
        var request = await f.RequestAsync();

        Assert.Equal(ErasureState.Requested, request.State);
        Assert.Equal(f.Clock.GetUtcNow(), request.RequestedAt);
        Assert.Equal(f.Clock.GetUtcNow().AddMonths(1), request.DueAt);
        var entry = Assert.Single(await f.ErasureLedgerAsync());
        Assert.Equal((LedgerEventType.ErasureRequested, ActorKind.Customer, $"request:{request.Id}"), (entry.EventType, entry.ActorKind, entry.Detail));
        using var mail = await MailPickup.SingleMessageToAsync(f.PickupDirectory, f.Email, "Confirm your erasure request");
        var link = MailPickup.LinkTo(mail, "/forget-me/confirm");
        Assert.Equal(new ErasureToken(request.Id, f.CustomerId), f.Tokens.Read(Uri.UnescapeDataString(link.Query["?token=".Length..])));
    }

    [Fact]
    public async Task Request_IsEmailedInTheLanguageTheCustomerAskedIn()
    {
        await f.Requests.RequestAsync(f.CustomerId, ErasureServices.Password, "it", ErasureFixture.ConfirmPage);

        using var mail = await MailPickup.SingleMessageToAsync(f.PickupDirectory, f.Email);
        Assert.Equal("Conferma la tua richiesta di cancellazione", mail.Subject);
    }

    [Fact]
    public async Task Request_WhileOneIsOpen_IsRefusedAndNamesTheOpenOne()
    {
        var first = await f.RequestAsync();

        var second = await f.Requests.RequestAsync(f.CustomerId, ErasureServices.Password, "en", ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureProblem.AlreadyOpen, first.Id), (second.Problem, second.Request!.Id));
        Assert.Single(await f.Requests.ListAsync(f.CustomerId));
        Assert.Single(await f.ErasureLedgerAsync());
    }

    [Fact]
    public async Task Confirm_VerifiesOnce_ThenSaysItWasAlreadyDone()
    {
        var request = await f.RequestAsync();
        var token = f.Tokens.Issue(request.Id, f.CustomerId);

        var first = await f.Requests.ConfirmAsync(token);
        var again = await f.Requests.ConfirmAsync(token);

        Assert.Equal((ErasureRequestOutcome.Saved, ErasureState.Verified), (first.Outcome, first.Request!.State));
        Assert.Equal(ErasureRequestOutcome.Unchanged, again.Outcome);
        Assert.Equal(f.Clock.GetUtcNow(), first.Request.VerifiedAt);
        var entries = await f.ErasureLedgerAsync();
        Assert.Equal([LedgerEventType.ErasureRequested, LedgerEventType.ErasureVerified], entries.Select(e => e.EventType));
        Assert.Equal((ChangeSource.EmailLink, "requested", "verified"), (entries[1].Source, entries[1].Before, entries[1].After));
    }

    [Fact]
    public async Task Confirm_WithAnExpiredLink_ChangesNothing()
    {
        var request = await f.RequestAsync();
        var token = f.Tokens.Issue(request.Id, f.CustomerId);
        f.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        var result = await f.Requests.ConfirmAsync(token);

        Assert.Equal(ErasureProblem.LinkNotValid, result.Problem);
        Assert.Equal(ErasureState.Requested, await f.StateOfAsync(request.Id));
        Assert.Single(await f.ErasureLedgerAsync());
    }

    [Fact]
    public async Task Approve_Twice_ApprovesOnce_WithOneLedgerEntry()
    {
        var request = await f.VerifiedAsync();

        var first = await f.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);
        var second = await f.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureRequestOutcome.Saved, first.Outcome);
        Assert.Equal((ErasureRequestOutcome.Unchanged, ErasureState.Approved), (second.Outcome, second.Request!.State));
        var approvals = (await f.ErasureLedgerAsync()).Where(e => e.EventType == LedgerEventType.ErasureApproved).ToList();
        var approval = Assert.Single(approvals);
        Assert.Equal((ActorKind.Staff, "officer-user-id"), (approval.ActorKind, approval.ActorId));
        using var mail = await MailPickup.SingleMessageToAsync(f.PickupDirectory, f.Email, "Your erasure request is approved");
    }

    [Fact]
    public async Task Approve_BeforeTheEmailConfirmation_IsRefused()
    {
        var request = await f.RequestAsync();

        var result = await f.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureProblem.NotConfirmedYet, result.Problem);
        Assert.Equal(ErasureState.Requested, await f.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task Reject_WithoutAReason_WritesNothing()
    {
        var request = await f.VerifiedAsync();

        var result = await f.Queue.RejectAsync(ErasureFixture.Officer, request.Id, "  ");

        Assert.Equal(ErasureProblem.ReasonRequired, result.Problem);
        Assert.Equal(ErasureState.Verified, await f.StateOfAsync(request.Id));
        Assert.Equal(2, (await f.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Reject_KeepsTheReasonOffTheLedger_AndTellsTheCustomer()
    {
        var request = await f.VerifiedAsync();

        var result = await f.Queue.RejectAsync(ErasureFixture.Officer, request.Id, " Legal hold: court case 12/2026 ");

        Assert.Equal((ErasureState.Rejected, "Legal hold: court case 12/2026"), (result.Request!.State, result.Request.RejectionReason));
        var entry = (await f.ErasureLedgerAsync())[^1];
        Assert.Equal((LedgerEventType.ErasureRejected, $"request:{request.Id}", null), (entry.EventType, entry.Detail, entry.Reason));
        using var mail = await MailPickup.SingleMessageToAsync(f.PickupDirectory, f.Email, "About your erasure request");
        Assert.Contains("Legal hold: court case 12/2026", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_BeforeExecution_CancelsWithItsEntry()
    {
        var request = await f.ApprovedAsync();

        var result = await f.Requests.CancelAsync(f.CustomerId, request.Id);

        Assert.Equal((ErasureRequestOutcome.Saved, ErasureState.Cancelled), (result.Outcome, result.Request!.State));
        Assert.Equal(LedgerEventType.ErasureCancelled, (await f.ErasureLedgerAsync())[^1].EventType);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesRequest_ReadsAsNotFound()
    {
        var request = await f.RequestAsync();

        var result = await f.Requests.CancelAsync(Guid.NewGuid(), request.Id);

        Assert.Equal(ErasureProblem.NotFound, result.Problem);
        Assert.Equal(ErasureState.Requested, await f.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task Run_ErasesTheCustomer_ThenCompletesTheRequest_WithOneEntryPerStep()
    {
        var request = await f.ApprovedAsync();

        var result = await f.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal((ErasureRequestOutcome.Saved, ErasureState.Completed), (result.Outcome, result.Request!.State));
        Assert.Equal(
            [LedgerEventType.ErasureRequested, LedgerEventType.ErasureVerified, LedgerEventType.ErasureApproved, LedgerEventType.ErasureExecutionStarted, LedgerEventType.ErasureCompleted],
            (await f.ErasureLedgerAsync()).Select(e => e.EventType));
        await using var db = f.Database.CreateDbContext();
        Assert.Equal(CustomerStatus.Erased, await db.Customers.Where(c => c.Id == f.CustomerId).Select(c => c.Status).SingleAsync());
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Run_AnExecutedRequest_IsRefusedAndChangesNothing()
    {
        var request = await f.ApprovedAsync();
        await f.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);
        var entries = (await f.ErasureLedgerAsync()).Count;

        var again = await f.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureProblem.AlreadyFinished, again.Problem);
        Assert.Equal(entries, (await f.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Cancel_AfterExecution_IsTooLate()
    {
        var request = await f.ApprovedAsync();
        await f.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        var result = await f.Requests.CancelAsync(f.CustomerId, request.Id);

        Assert.Equal(ErasureProblem.TooLateToCancel, result.Problem);
        Assert.Equal(ErasureState.Completed, await f.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task RunDue_FinishesARequestAStoppedProcessLeftExecuting()
    {
        var request = await f.ApprovedAsync();
        // The process stopped after the executor had erased the customer, before the request was marked completed.
        await f.Transitions.ApplyAsync(request.Id, ErasureAction.StartExecution, Actor.System(ErasureRunner.JobName), ChangeSource.System, null, (_, _) => { });
        await f.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(f.CustomerId, Actor.System(ErasureRunner.JobName));

        var completed = await f.Runner.RunDueAsync();

        Assert.Equal(1, completed);
        Assert.Equal(ErasureState.Completed, await f.StateOfAsync(request.Id));
        Assert.Single(await f.ErasureLedgerAsync(), e => e.EventType == LedgerEventType.ErasureExecutionStarted);
        Assert.Equal(0, await f.Runner.RunDueAsync());
    }

    [Fact]
    public async Task Ledger_StillVerifiesAfterTheWholeWorkflow()
    {
        var request = await f.ApprovedAsync();
        await f.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        var verification = await new LedgerVerifier(f.Database).VerifyAsync();

        Assert.True(verification.IsIntact, verification.Problem);
    }
}

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
    private ErasureFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await ErasureFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Request_WithTheWrongPassword_WritesNothingAndSendsNothing()
    {
        var result = await fixture.Requests.RequestAsync(fixture.CustomerId, "not-my-password", "en", ErasureFixture.ConfirmPage);

        Assert.Equal(ErasureProblem.WrongPassword, result.Problem);
        Assert.Empty(await fixture.Requests.ListAsync(fixture.CustomerId));
        Assert.Empty(await fixture.ErasureLedgerAsync());
        Assert.False(Directory.Exists(fixture.PickupDirectory));
    }

    [Fact]
    public async Task Request_PastFiveAnHour_IsRefusedBeforeAnythingIsCheckedWrittenOrSent()
    {
        for (var i = 0; i < 4; i++)
        {
            await fixture.Requests.RequestAsync(fixture.CustomerId, "not-my-password", "en", ErasureFixture.ConfirmPage);
        }

        Assert.True((await fixture.Requests.RequestAsync(fixture.CustomerId, ErasureServices.Password, "en", ErasureFixture.ConfirmPage)).Succeeded);

        var sixth = await fixture.Requests.RequestAsync(fixture.CustomerId, ErasureServices.Password, "en", ErasureFixture.ConfirmPage);

        // Not "already open": the limit answers first, so not even the open request is looked at.
        Assert.Equal(ErasureProblem.TooManyAttempts, sixth.Problem);
        Assert.Single(await fixture.Requests.ListAsync(fixture.CustomerId));
        Assert.Single(await fixture.ErasureLedgerAsync());
        Assert.Single(Directory.GetFiles(fixture.PickupDirectory, "*.eml"));
    }

    [Fact]
    public async Task Request_WithTheWrongPassword_CountsTowardLockout()
    {
        await fixture.Requests.RequestAsync(fixture.CustomerId, "not-my-password", "en", ErasureFixture.ConfirmPage);

        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(fixture.Email))!));
    }

    [Fact]
    public async Task Request_RecordsItDueInOneMonth_WithItsLedgerEntry_AndEmailsTheLink()
    {
        var request = await fixture.RequestAsync();

        Assert.Equal(ErasureState.Requested, request.State);
        Assert.Equal(fixture.Clock.GetUtcNow(), request.RequestedAt);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMonths(1), request.DueAt);
        var entry = Assert.Single(await fixture.ErasureLedgerAsync());
        Assert.Equal((LedgerEventType.ErasureRequested, ActorKind.Customer, $"request:{request.Id}"), (entry.EventType, entry.ActorKind, entry.Detail));
        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email, "Confirm your erasure request");
        var link = MailPickup.LinkTo(mail, "/forget-me/confirm");
        Assert.Equal((request.Id, fixture.CustomerId), fixture.Links.Read(Uri.UnescapeDataString(link.Query["?token=".Length..])));
    }

    [Fact]
    public async Task Request_IsEmailedInTheLanguageTheCustomerAskedIn()
    {
        await fixture.Requests.RequestAsync(fixture.CustomerId, ErasureServices.Password, "it", ErasureFixture.ConfirmPage);

        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email);
        Assert.Equal("Conferma la tua richiesta di cancellazione", mail.Subject);
    }

    [Fact]
    public async Task Request_WhileOneIsOpen_IsRefusedAndNamesTheOpenOne()
    {
        var first = await fixture.RequestAsync();

        var second = await fixture.Requests.RequestAsync(fixture.CustomerId, ErasureServices.Password, "en", ErasureFixture.ConfirmPage);

        Assert.Equal((ErasureProblem.AlreadyOpen, first.Id), (second.Problem, second.Request!.Id));
        Assert.Single(await fixture.Requests.ListAsync(fixture.CustomerId));
        Assert.Single(await fixture.ErasureLedgerAsync());
    }

    [Fact]
    public async Task Confirm_VerifiesOnce_ThenSaysItWasAlreadyDone()
    {
        var request = await fixture.RequestAsync();
        var token = fixture.Links.Issue(request.Id, fixture.CustomerId);

        var first = await fixture.Requests.ConfirmAsync(token);
        var again = await fixture.Requests.ConfirmAsync(token);

        Assert.Equal((ErasureOutcome.Saved, ErasureState.Verified), (first.Outcome, first.Request!.State));
        Assert.Equal(ErasureOutcome.Unchanged, again.Outcome);
        Assert.Equal(fixture.Clock.GetUtcNow(), first.Request.VerifiedAt);
        var entries = await fixture.ErasureLedgerAsync();
        Assert.Equal([LedgerEventType.ErasureRequested, LedgerEventType.ErasureVerified], entries.Select(e => e.EventType));
        Assert.Equal((ChangeSource.EmailLink, "requested", "verified"), (entries[1].Source, entries[1].Before, entries[1].After));
    }

    [Fact]
    public async Task Confirm_WithAnExpiredLink_ChangesNothing()
    {
        var request = await fixture.RequestAsync();
        var token = fixture.Links.Issue(request.Id, fixture.CustomerId);
        fixture.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        var result = await fixture.Requests.ConfirmAsync(token);

        Assert.Equal(ErasureProblem.LinkNotValid, result.Problem);
        Assert.Equal(ErasureState.Requested, await fixture.StateOfAsync(request.Id));
        Assert.Single(await fixture.ErasureLedgerAsync());
    }

    [Fact]
    public async Task Approve_Twice_ApprovesOnce_WithOneLedgerEntry()
    {
        var request = await fixture.VerifiedAsync();

        var first = await fixture.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);
        var second = await fixture.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureOutcome.Saved, first.Outcome);
        Assert.Equal((ErasureOutcome.Unchanged, ErasureState.Approved), (second.Outcome, second.Request!.State));
        var approvals = (await fixture.ErasureLedgerAsync()).Where(e => e.EventType == LedgerEventType.ErasureApproved).ToList();
        var approval = Assert.Single(approvals);
        Assert.Equal((ActorKind.Staff, "officer-user-id"), (approval.ActorKind, approval.ActorId));
        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email, "Your erasure request is approved");
    }

    [Fact]
    public async Task Approve_BeforeTheEmailConfirmation_IsRefused()
    {
        var request = await fixture.RequestAsync();

        var result = await fixture.Queue.ApproveAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureProblem.NotConfirmedYet, result.Problem);
        Assert.Equal(ErasureState.Requested, await fixture.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task Reject_WithoutAReason_WritesNothing()
    {
        var request = await fixture.VerifiedAsync();

        var result = await fixture.Queue.RejectAsync(ErasureFixture.Officer, request.Id, "  ");

        Assert.Equal(ErasureProblem.ReasonRequired, result.Problem);
        Assert.Equal(ErasureState.Verified, await fixture.StateOfAsync(request.Id));
        Assert.Equal(2, (await fixture.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Reject_WithANulInTheReason_WritesNothing()
    {
        var request = await fixture.VerifiedAsync();

        var result = await fixture.Queue.RejectAsync(ErasureFixture.Officer, request.Id, "Legal hold\0");

        Assert.Equal(ErasureProblem.ReasonHasControlCharacter, result.Problem);
        Assert.Equal(ErasureState.Verified, await fixture.StateOfAsync(request.Id));
        Assert.Equal(2, (await fixture.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Reject_KeepsTheReasonOffTheLedger_AndTellsTheCustomer()
    {
        var request = await fixture.VerifiedAsync();

        var result = await fixture.Queue.RejectAsync(ErasureFixture.Officer, request.Id, " Legal hold: court case 12/2026 ");

        Assert.Equal((ErasureState.Rejected, "Legal hold: court case 12/2026"), (result.Request!.State, result.Request.RejectionReason));
        var entry = (await fixture.ErasureLedgerAsync())[^1];
        Assert.Equal((LedgerEventType.ErasureRejected, $"request:{request.Id}", null), (entry.EventType, entry.Detail, entry.Reason));
        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, fixture.Email, "About your erasure request");
        Assert.Contains("Legal hold: court case 12/2026", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_BeforeExecution_CancelsWithItsEntry()
    {
        var request = await fixture.ApprovedAsync();

        var result = await fixture.Requests.CancelAsync(fixture.CustomerId, request.Id);

        Assert.Equal((ErasureOutcome.Saved, ErasureState.Cancelled), (result.Outcome, result.Request!.State));
        Assert.Equal(LedgerEventType.ErasureCancelled, (await fixture.ErasureLedgerAsync())[^1].EventType);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesRequest_ReadsAsNotFound()
    {
        var request = await fixture.RequestAsync();

        var result = await fixture.Requests.CancelAsync(Guid.NewGuid(), request.Id);

        Assert.Equal(ErasureProblem.NotFound, result.Problem);
        Assert.Equal(ErasureState.Requested, await fixture.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task Run_ErasesTheCustomer_ThenCompletesTheRequest_WithOneEntryPerStep()
    {
        var request = await fixture.ApprovedAsync();

        var result = await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal((ErasureOutcome.Saved, ErasureState.Completed), (result.Outcome, result.Request!.State));
        Assert.Equal(
            [LedgerEventType.ErasureRequested, LedgerEventType.ErasureVerified, LedgerEventType.ErasureApproved, LedgerEventType.ErasureExecutionStarted, LedgerEventType.ErasureCompleted],
            (await fixture.ErasureLedgerAsync()).Select(e => e.EventType));
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(CustomerStatus.Erased, await db.Customers.Where(c => c.Id == fixture.CustomerId).Select(c => c.Status).SingleAsync());
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Run_AnExecutedRequest_IsRefusedAndChangesNothing()
    {
        var request = await fixture.ApprovedAsync();
        await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);
        var entries = (await fixture.ErasureLedgerAsync()).Count;

        var again = await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        Assert.Equal(ErasureProblem.AlreadyFinished, again.Problem);
        Assert.Equal(entries, (await fixture.ErasureLedgerAsync()).Count);
    }

    [Fact]
    public async Task Cancel_AfterExecution_IsTooLate()
    {
        var request = await fixture.ApprovedAsync();
        await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        var result = await fixture.Requests.CancelAsync(fixture.CustomerId, request.Id);

        Assert.Equal(ErasureProblem.TooLateToCancel, result.Problem);
        Assert.Equal(ErasureState.Completed, await fixture.StateOfAsync(request.Id));
    }

    [Fact]
    public async Task RunDue_FinishesARequestAStoppedProcessLeftExecuting()
    {
        var request = await fixture.ApprovedAsync();
        // The process stopped after the executor had erased the customer, before the request was marked completed.
        await fixture.Transitions.ApplyAsync(request.Id, ErasureAction.StartExecution, Actor.System(ErasureRunner.JobName), ChangeSource.System, null, (_, _) => { });
        await fixture.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(fixture.CustomerId, Actor.System(ErasureRunner.JobName));

        var completed = await fixture.Runner.RunDueAsync();

        Assert.Equal(1, completed);
        Assert.Equal(ErasureState.Completed, await fixture.StateOfAsync(request.Id));
        Assert.Single(await fixture.ErasureLedgerAsync(), e => e.EventType == LedgerEventType.ErasureExecutionStarted);
        Assert.Equal(0, await fixture.Runner.RunDueAsync());
    }

    [Fact]
    public async Task Ledger_StillVerifiesAfterTheWholeWorkflow()
    {
        var request = await fixture.ApprovedAsync();
        await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Id);

        var verification = await new LedgerVerifier(fixture.Database).VerifyAsync();

        Assert.True(verification.IsIntact, verification.Problem);
    }
}

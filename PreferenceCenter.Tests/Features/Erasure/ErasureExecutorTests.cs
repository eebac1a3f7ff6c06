using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureExecutorTests
{
    private static readonly LedgerEventType[] StepEvents =
    [
        LedgerEventType.ErasureSuppressionWritten, LedgerEventType.ErasurePersonalDataDeleted, LedgerEventType.ErasureSignInDeleted,
        LedgerEventType.ErasureKeyDestroyed, LedgerEventType.CustomerErased, LedgerEventType.ErasureStorageForgotten,
    ];

    [Fact]
    public async Task Execute_DeletesThePersonAndKeepsThePseudonymousProof()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.AdaAsync();

        var result = await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Equal(ErasureResult.Erased(PersonalDataFixture.Now), result);
        await AssertErasedAsync(fixture, ada);
    }

    [Fact]
    public async Task Execute_Again_IsANoOpThatSaysAlreadyErased()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");
        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);
        var entries = await CountLedgerAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var again = await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Equal(ErasureResult.AlreadyErased(PersonalDataFixture.Now), again);
        Assert.Equal(entries, await CountLedgerAsync(fixture));
    }

    [Fact]
    public async Task Execute_ForAnUnknownCustomer_WritesNothing()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();

        var result = await fixture.Executor.ExecuteAsync(Guid.NewGuid(), PersonalDataFixture.Officer);

        Assert.Equal(ErasureResult.UnknownCustomer, result);
        Assert.Equal(0, await CountLedgerAsync(fixture));
    }

    [Theory]
    [InlineData(ErasureStep.SuppressionWritten)]
    [InlineData(ErasureStep.PersonalRowsDeleted)]
    [InlineData(ErasureStep.SignInDeleted)]
    [InlineData(ErasureStep.KeyDestroyed)]
    [InlineData(ErasureStep.CustomerErased)]
    [InlineData(ErasureStep.StorageForgotten)]
    public async Task ACrashAfterAnyStep_IsFinishedByTheNextCall_WithEachStepRecordedOnce(ErasureStep crashAfter)
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.AdaAsync();
        var crashing = fixture.Erasure(step => step == crashAfter ? throw new IOException($"power cut after {step}") : Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => crashing.ExecuteAsync(ada, PersonalDataFixture.Officer));
        await using (var db = fixture.Database.CreateDbContext())
        {
            Assert.Equal(crashAfter, (await db.ErasureProgress.SingleAsync()).LastCompletedStep);
        }

        var resumed = await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        var expected = crashAfter == ErasureStep.StorageForgotten ? ErasureOutcome.Unchanged : ErasureOutcome.Saved;
        Assert.Equal(expected, resumed.Outcome);
        await AssertErasedAsync(fixture, ada);
    }

    [Fact]
    public async Task Execute_LeavesOtherCustomersReadable()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.AdaAsync();
        var bob = await fixture.SignUpAsync("bob@example.com");
        await fixture.FillAsync(bob, "Bob Builder", "+44 20 7946 0000", "Weekends", "Not relevant");

        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Equal(new CustomerProfileView("Bob Builder", "bob@example.com", "+44 20 7946 0000", 2), await fixture.Profiles.GetAsync(bob));
        var questionnaire = await fixture.Answers.GetQuestionnaireAsync(bob, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Weekends", questionnaire.Questions.Single().Answer!.Text);
        Assert.Equal(["Not relevant"], (await fixture.Feedback.SummarizeAsync(TimeSpan.FromDays(1))).RecentComments);
    }

    private static async Task AssertErasedAsync(PersonalDataFixture fixture, Guid customerId)
    {
        await using var db = fixture.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal((CustomerStatus.Erased, (string?)null), (customer.Status, customer.UserId));
        Assert.Equal(0, await db.Users.CountAsync() + await db.UserLogins.CountAsync() + await db.UserTokens.CountAsync()
            + await db.UserClaims.CountAsync() + await db.UserRoles.CountAsync());
        Assert.Equal(0, await db.CustomerProfiles.CountAsync() + await db.Answers.CountAsync() + await db.ContactRules.CountAsync());
        Assert.True(await db.Feedback.AllAsync(x => x.Comment == null));
        // The pseudonymous consent projection stays, so the ledger's proof still reads against it.
        var granted = await db.LedgerEntries.AnyAsync(e => e.SubjectId == customerId
            && (e.EventType == LedgerEventType.ConsentGranted || e.EventType == LedgerEventType.ConsentPendingConfirmation));
        Assert.Equal(granted, await db.Consents.AnyAsync(c => c.CustomerId == customerId));
        Assert.True(await fixture.Suppressions.IsSuppressedAsync("ada@example.com", phone: null));
        Assert.True((await fixture.Database.KeyStore.FindAsync(customerId)).Destroyed);
        var erasureEvents = await db.LedgerEntries.Where(e => e.SubjectId == customerId && StepEvents.Contains(e.EventType))
            .OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync();
        Assert.Equal(StepEvents, erasureEvents);
        var verification = await fixture.Verifier.VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }

    private static async Task<int> CountLedgerAsync(PersonalDataFixture fixture)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.LedgerEntries.CountAsync();
    }
}

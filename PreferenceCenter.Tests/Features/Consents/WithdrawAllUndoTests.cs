using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class WithdrawAllUndoTests
{
    private static WithdrawAllUndo Undo(LifecycleFixture fixture) => new(fixture.Database, new LedgerWriter(fixture.Clock), fixture.Clock);

    private static Actor Me(LifecycleFixture fixture) => Actor.Customer(fixture.CustomerId);

    // Marketing by email, confirmed through its double opt-in link; marketing by SMS, on at once.
    private static async Task<LifecycleFixture> ConfirmedEmailAndSmsAsync()
    {
        var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, CultureInfo.GetCultureInfo("en"));
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        return fixture;
    }

    [Fact]
    public async Task Undo_WithinTheWindow_RestoresExactlyWhatWasOn_WithoutAFreshDoubleOptIn()
    {
        await using var fixture = await ConfirmedEmailAndSmsAsync();
        var emailBefore = await fixture.ConsentAsync("marketing", Channel.Email);
        var mailsBefore = (await fixture.OutboxAsync()).Count;
        Assert.Equal(2, await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web));
        fixture.Clock.Advance(TimeSpan.FromMinutes(9));

        var result = await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        Assert.Equal(WithdrawAllUndoOutcome.Restored, result.Outcome);
        Assert.Equal([("marketing", Channel.Email), ("marketing", Channel.Sms)], result.Restored.Order());
        Assert.Empty(result.LeftAlone);
        var email = await fixture.ConsentAsync("marketing", Channel.Email);
        Assert.Equal((ConsentState.Granted, emailBefore.ChangedAt, emailBefore.ExpiresAt, emailBefore.NoticeVersion, emailBefore.Source),
            (email.State, email.ChangedAt, email.ExpiresAt, email.NoticeVersion, email.Source));
        Assert.Equal(mailsBefore, (await fixture.OutboxAsync()).Count); // no new confirmation email
        var restored = await fixture.EntriesAsync(LedgerEventType.ConsentGranted);
        Assert.Equal(2, restored.Count(e => e.Detail == WithdrawAllUndo.RestoredDetail && e.Before == "withdrawn" && e.After == "granted"));
        var undone = Assert.Single(await fixture.EntriesAsync(LedgerEventType.WithdrawAllUndone));
        Assert.Equal(("0", "2"), (undone.Before, undone.After));
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Undo_LeavesAloneWhatChangedMeanwhile_AndSaysSo()
    {
        await using var fixture = await ConfirmedEmailAndSmsAsync();
        await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var sms = await fixture.ConsentAsync("marketing", Channel.Sms);
        await fixture.SetAsync("marketing", Channel.Sms, grant: true, expectedVersion: sms.Version);
        await fixture.SetAsync("marketing", Channel.Sms, grant: false, expectedVersion: sms.Version + 1);
        var smsAfter = await fixture.ConsentAsync("marketing", Channel.Sms);

        var result = await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        Assert.Equal(WithdrawAllUndoOutcome.Restored, result.Outcome);
        Assert.Equal([("marketing", Channel.Email)], result.Restored);
        Assert.Equal([("marketing", Channel.Sms)], result.LeftAlone);
        var smsNow = await fixture.ConsentAsync("marketing", Channel.Sms);
        Assert.Equal((ConsentState.Withdrawn, smsAfter.Version), (smsNow.State, smsNow.Version));
        Assert.Equal(("1", "1"), ((await fixture.EntriesAsync(LedgerEventType.WithdrawAllUndone)).Single() is var e ? (e.Before, e.After) : default));
    }

    [Fact]
    public async Task Undo_AfterTheWindow_IsTooLate_AndChangesNothing()
    {
        await using var fixture = await ConfirmedEmailAndSmsAsync();
        await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);
        fixture.Clock.Advance(WithdrawAllUndo.Window);

        var result = await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        Assert.Equal(WithdrawAllUndoOutcome.TooLate, result.Outcome);
        Assert.Equal(ConsentState.Withdrawn, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
        Assert.Empty(await fixture.EntriesAsync(LedgerEventType.WithdrawAllUndone));
        Assert.Null(await Undo(fixture).UndoableUntilAsync(fixture.CustomerId));
    }

    [Fact]
    public async Task Undo_Twice_OrWithNothingWithdrawn_HasNothingToUndo()
    {
        await using var fixture = await ConfirmedEmailAndSmsAsync();
        Assert.Equal(WithdrawAllUndoOutcome.NothingToUndo, (await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web)).Outcome);
        await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);
        Assert.Equal(fixture.Clock.GetUtcNow() + WithdrawAllUndo.Window, await Undo(fixture).UndoableUntilAsync(fixture.CustomerId));
        await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        var again = await Undo(fixture).UndoAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        Assert.Equal(WithdrawAllUndoOutcome.NothingToUndo, again.Outcome);
        Assert.Single(await fixture.EntriesAsync(LedgerEventType.WithdrawAllUndone));
    }

    [Fact]
    public async Task Undo_BySomeoneElse_IsRefused()
    {
        await using var fixture = await ConfirmedEmailAndSmsAsync();
        await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Me(fixture), ChangeSource.Web);

        var result = await Undo(fixture).UndoAsync(fixture.CustomerId, Actor.Customer(Guid.NewGuid()), ChangeSource.Web);

        Assert.Equal(WithdrawAllUndoOutcome.Refused, result.Outcome);
        Assert.Equal(ConsentState.Withdrawn, (await fixture.ConsentAsync("marketing", Channel.Sms)).State);
    }
}

using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>
/// The retention job over a table of purposes × consent states × dates on a fake clock: marketing keeps its answers
/// 30 days after consent ends, profiling none. Each row is one customer who answered every purpose's question; the
/// service purpose rests on contract, so its answer always stays.
/// </summary>
public sealed class RetentionJobTableTests
{
    private static readonly DateTimeOffset Now = RetentionFixture.Now;

    public enum Row
    {
        GrantedNotExpired, GrantedNoExpiry, Expired31DaysAgo, ExpiredExactly30DaysAgo, Expired29DaysAgo,
        Withdrawn30DaysAgo, WithdrawnOneMinuteShortOf30Days, PendingSinceLongAgo, NoConsentEver,
        OneChannelWithdrawnLongAgoAnotherStillOn, BothChannelsWithdrawnButTheLastRecently, BothChannelsEndedLongAgo,
        ProfilingWithdrawnAMinuteAgo, ProfilingExpiringInAMinute, ProfilingExpiredThisMoment, ProfilingPending,
    }

    public static TheoryData<Row, string, bool> Table => new()
    {
        // row, purpose, its answers deleted?
        { Row.GrantedNotExpired, "marketing", false },
        { Row.GrantedNoExpiry, "marketing", false },
        { Row.Expired31DaysAgo, "marketing", true },
        { Row.ExpiredExactly30DaysAgo, "marketing", true },
        { Row.Expired29DaysAgo, "marketing", false },
        { Row.Withdrawn30DaysAgo, "marketing", true },
        { Row.WithdrawnOneMinuteShortOf30Days, "marketing", false },
        { Row.PendingSinceLongAgo, "marketing", false },
        { Row.NoConsentEver, "marketing", false },
        { Row.OneChannelWithdrawnLongAgoAnotherStillOn, "marketing", false },
        { Row.BothChannelsWithdrawnButTheLastRecently, "marketing", false },
        { Row.BothChannelsEndedLongAgo, "marketing", true },
        { Row.ProfilingWithdrawnAMinuteAgo, "profiling", true },
        { Row.ProfilingExpiringInAMinute, "profiling", false },
        { Row.ProfilingExpiredThisMoment, "profiling", true },
        { Row.ProfilingPending, "profiling", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task RetentionJob_DeletesAPurposesAnswersOnlyOnceItsConsentEndedAndItsDaysPassed(Row row, string purpose, bool deleted)
    {
        await using var fixture = await RetentionFixture.CreateAsync();
        var customer = await fixture.AddAnsweringCustomerAsync();
        var ended = await ArrangeAsync(fixture, customer, row);

        var cleared = await fixture.Runner.RunAsync();

        var other = purpose == "marketing" ? "profiling" : "marketing";
        Assert.Equal(deleted ? [other, "service"] : ["marketing", "profiling", "service"], await fixture.AnsweredPurposesAsync(customer));
        Assert.Equal(deleted ? 1 : 0, cleared);
        var entries = await fixture.DeletionsAsync();
        if (deleted)
        {
            var entry = Assert.Single(entries);
            Assert.Equal((ActorKind.System, customer, ChangeSource.System, purpose, LedgerTime.Format(ended!.Value), purpose == "marketing" ? "30" : "0", "1"),
                (entry.ActorKind, entry.SubjectId, entry.Source, entry.PurposeKey, entry.Before, entry.After, entry.Detail));
        }
        else
        {
            Assert.Empty(entries);
        }
    }

    /// <returns>When the purpose's consent ended, for rows whose data goes.</returns>
    private static async Task<DateTimeOffset?> ArrangeAsync(RetentionFixture fixture, Guid customer, Row row)
    {
        var longAgo = Now.AddYears(-2);
        async Task Add(string purpose, ConsentState state, DateTimeOffset changedAt, DateTimeOffset? expiresAt = null, Channel channel = Channel.Email) =>
            await fixture.AddConsentAsync(customer, purpose, channel, state, changedAt, expiresAt);

        switch (row)
        {
            case Row.GrantedNotExpired: await Add("marketing", ConsentState.Granted, longAgo, Now.AddDays(1)); return null;
            case Row.GrantedNoExpiry: await Add("marketing", ConsentState.Granted, longAgo); return null;
            case Row.Expired31DaysAgo: await Add("marketing", ConsentState.Granted, longAgo, Now.AddDays(-31)); return Now.AddDays(-31);
            case Row.ExpiredExactly30DaysAgo: await Add("marketing", ConsentState.Granted, longAgo, Now.AddDays(-30)); return Now.AddDays(-30);
            case Row.Expired29DaysAgo: await Add("marketing", ConsentState.Granted, longAgo, Now.AddDays(-29)); return null;
            case Row.Withdrawn30DaysAgo: await Add("marketing", ConsentState.Withdrawn, Now.AddDays(-30)); return Now.AddDays(-30);
            case Row.WithdrawnOneMinuteShortOf30Days: await Add("marketing", ConsentState.Withdrawn, Now.AddDays(-30).AddMinutes(1)); return null;
            case Row.PendingSinceLongAgo: await Add("marketing", ConsentState.PendingConfirmation, longAgo); return null;
            case Row.NoConsentEver: return null;
            case Row.OneChannelWithdrawnLongAgoAnotherStillOn:
                await Add("marketing", ConsentState.Withdrawn, longAgo);
                await Add("marketing", ConsentState.Granted, longAgo, Now.AddMonths(1), Channel.Sms);
                return null;
            case Row.BothChannelsWithdrawnButTheLastRecently:
                await Add("marketing", ConsentState.Withdrawn, Now.AddDays(-40));
                await Add("marketing", ConsentState.Withdrawn, Now.AddDays(-10), channel: Channel.Sms);
                return null;
            case Row.BothChannelsEndedLongAgo:
                await Add("marketing", ConsentState.Withdrawn, Now.AddDays(-40));
                await Add("marketing", ConsentState.Granted, longAgo, Now.AddDays(-31), Channel.Sms);
                return Now.AddDays(-31);
            case Row.ProfilingWithdrawnAMinuteAgo: await Add("profiling", ConsentState.Withdrawn, Now.AddMinutes(-1)); return Now.AddMinutes(-1);
            case Row.ProfilingExpiringInAMinute: await Add("profiling", ConsentState.Granted, longAgo, Now.AddMinutes(1)); return null;
            case Row.ProfilingExpiredThisMoment: await Add("profiling", ConsentState.Granted, longAgo, Now); return Now;
            case Row.ProfilingPending: await Add("profiling", ConsentState.PendingConfirmation, longAgo); return null;
            default: throw new ArgumentOutOfRangeException(nameof(row));
        }
    }
}

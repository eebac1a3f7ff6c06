using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.History;

public sealed class ReceiptRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);

    [Fact]
    public void Sessions_SplitWhereTheGapIsLongerThanTheQuietPeriod()
    {
        var lines = new[] { Line(1, 0), Line(2, 4), Line(3, 14), Line(4, 24.01) };

        var sessions = ReceiptRules.Sessions(lines, Quiet);

        Assert.Equal([[1L, 2L, 3L], [4L]], sessions.Select(s => s.Select(l => l.Sequence).ToList()));
        Assert.Equal(3, ReceiptRules.SessionOf(lines, 2, Quiet)!.Count);
        Assert.Null(ReceiptRules.SessionOf(lines, 99, Quiet));
    }

    [Fact]
    public void HasEnded_OnlyOnceTheQuietPeriodHasPassedAfterTheLastChange()
    {
        var session = new[] { Line(1, 0), Line(2, 5) };

        Assert.False(ReceiptRules.HasEnded(session, T0.AddMinutes(14.99), Quiet));
        Assert.True(ReceiptRules.HasEnded(session, T0.AddMinutes(15), Quiet));
        Assert.False(ReceiptRules.HasEnded([], T0.AddDays(1), Quiet));
    }

    [Theory]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Customer, true)]
    [InlineData(LedgerEventType.ContactPaused, ActorKind.Staff, true)]
    [InlineData(LedgerEventType.ConsentExpired, ActorKind.System, false)]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.ApiClient, false)]
    [InlineData(LedgerEventType.ReceiptSent, ActorKind.System, false)]
    [InlineData(LedgerEventType.ReceiptsTurnedOff, ActorKind.Customer, false)]
    public void Covers_TheCustomersOwnChangesOnly(LedgerEventType type, ActorKind actor, bool covered) =>
        Assert.Equal(covered, ReceiptRules.Covers(type, actor));

    private static ReceiptLine Line(long sequence, double minutes) => new(
        new HistoryItem(sequence, T0.AddMinutes(minutes), LedgerEventType.ConsentGranted, ActorKind.Customer, ChangeSource.Web, "marketing", Channel.Email,
            null, null, 1),
        $"hash{sequence}");
}

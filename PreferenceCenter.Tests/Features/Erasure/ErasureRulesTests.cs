using PreferenceCenter.Features.Erasure;
using static PreferenceCenter.Features.Erasure.ErasureAction;
using static PreferenceCenter.Features.Erasure.ErasureState;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureRulesTests
{
    private static readonly DateTimeOffset Asked = new(2026, 1, 31, 16, 30, 0, TimeSpan.Zero);

    /// <summary>Every state × every action: the state it moves to, "already there", or the problem that refuses it.</summary>
    public static TheoryData<ErasureState, ErasureAction, string> Table => new()
    {
        { Requested, Verify, "→Verified" },
        { Requested, Approve, "NotConfirmedYet" },
        { Requested, Reject, "NotConfirmedYet" },
        { Requested, Cancel, "→Cancelled" },
        { Requested, StartExecution, "NotApproved" },
        { Requested, Complete, "NotApproved" },

        { Verified, Verify, "unchanged" },
        { Verified, Approve, "→Approved" },
        { Verified, Reject, "→Rejected" },
        { Verified, Cancel, "→Cancelled" },
        { Verified, StartExecution, "NotApproved" },
        { Verified, Complete, "NotApproved" },

        { Approved, Verify, "unchanged" },
        { Approved, Approve, "unchanged" },
        { Approved, Reject, "→Rejected" },
        { Approved, Cancel, "→Cancelled" },
        { Approved, StartExecution, "→Executing" },
        { Approved, Complete, "NotApproved" },

        { Executing, Verify, "unchanged" },
        { Executing, Approve, "AlreadyDecided" },
        { Executing, Reject, "AlreadyDecided" },
        { Executing, Cancel, "TooLateToCancel" },
        { Executing, StartExecution, "unchanged" },
        { Executing, Complete, "→Completed" },

        { Completed, Verify, "unchanged" },
        { Completed, Approve, "AlreadyDecided" },
        { Completed, Reject, "AlreadyDecided" },
        { Completed, Cancel, "TooLateToCancel" },
        { Completed, StartExecution, "AlreadyFinished" },
        { Completed, Complete, "AlreadyFinished" },

        { Rejected, Verify, "AlreadyFinished" },
        { Rejected, Approve, "AlreadyDecided" },
        { Rejected, Reject, "unchanged" },
        { Rejected, Cancel, "AlreadyFinished" },
        { Rejected, StartExecution, "AlreadyFinished" },
        { Rejected, Complete, "AlreadyFinished" },

        { Cancelled, Verify, "AlreadyFinished" },
        { Cancelled, Approve, "AlreadyDecided" },
        { Cancelled, Reject, "AlreadyDecided" },
        { Cancelled, Cancel, "unchanged" },
        { Cancelled, StartExecution, "AlreadyFinished" },
        { Cancelled, Complete, "AlreadyFinished" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Apply_GivesTheTablesAnswer(ErasureState state, ErasureAction action, string expected)
    {
        var transition = ErasureRules.Apply(state, action);

        var actual = transition switch
        {
            { To: { } to } => $"→{to}",
            { AlreadyThere: true } => "unchanged",
            _ => transition.Problem!.Value.ToString(),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Table_CoversEveryStateAndAction()
    {
        var covered = Table.Select(row => ((ErasureState)row[0], (ErasureAction)row[1])).ToHashSet();

        Assert.Equal(Enum.GetValues<ErasureState>().Length * Enum.GetValues<ErasureAction>().Length, covered.Count);
    }

    [Theory]
    [InlineData(Requested, true, true)]
    [InlineData(Verified, true, true)]
    [InlineData(Approved, true, true)]
    [InlineData(Executing, true, false)]
    [InlineData(Completed, false, false)]
    [InlineData(Rejected, false, false)]
    [InlineData(Cancelled, false, false)]
    public void OpenAndCancellable_FollowTheStateMachine(ErasureState state, bool open, bool cancellable)
    {
        Assert.Equal(open, ErasureRules.IsOpen(state));
        Assert.Equal(cancellable, ErasureRules.CanCancel(state));
    }

    [Fact]
    public void DueAt_IsOneCalendarMonthAfterTheRequest_ByDefault()
    {
        // 31 January + one month is the last day of February, never 2 or 3 March.
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 30, 0, TimeSpan.Zero), ErasureRules.DueAt(Asked, 1));
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 30, 0, TimeSpan.Zero), ErasureRules.DueAt(Asked, 3));
    }

    [Theory]
    [InlineData("2026-02-01T08:00:00Z", 27, false)]
    [InlineData("2026-02-28T16:29:59Z", 0, false)]
    [InlineData("2026-02-28T16:30:01Z", 0, true)]
    [InlineData("2026-03-03T09:00:00Z", -3, true)]
    public void DaysLeftAndOverdue_CountFromTheDueDate(string now, int daysLeft, bool overdue)
    {
        var due = ErasureRules.DueAt(Asked, 1);
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(daysLeft, ErasureRules.DaysLeft(due, at));
        Assert.Equal(overdue, ErasureRules.IsOverdue(Verified, due, at));
    }

    [Fact]
    public void IsOverdue_NeverForAFinishedRequest()
    {
        var longAfter = Asked.AddYears(1);

        Assert.False(ErasureRules.IsOverdue(Completed, ErasureRules.DueAt(Asked, 1), longAfter));
        Assert.False(ErasureRules.IsOverdue(Rejected, ErasureRules.DueAt(Asked, 1), longAfter));
    }

    [Theory]
    [InlineData(null, ErasureProblem.ReasonRequired)]
    [InlineData("   ", ErasureProblem.ReasonRequired)]
    [InlineData("Legal hold: open court case", null)]
    public void CheckReason_NeedsWords(string? reason, ErasureProblem? expected) =>
        Assert.Equal(expected, ErasureRules.CheckReason(reason));

    [Fact]
    public void CheckReason_RefusesAControlCharacter_ButNotALineBreak()
    {
        Assert.Equal(ErasureProblem.ReasonHasControlCharacter, ErasureRules.CheckReason("Legal\0 hold"));
        Assert.Equal(ErasureProblem.ReasonHasControlCharacter, ErasureRules.CheckReason("Legal\u0007 hold"));
        Assert.Null(ErasureRules.CheckReason("Legal hold.\nCourt case 12/2026."));
    }

    [Fact]
    public void CheckReason_RefusesMoreThanTheLimit()
    {
        Assert.Null(ErasureRules.CheckReason(new string('a', ErasureRules.ReasonMaxLength)));
        Assert.Equal(ErasureProblem.ReasonTooLong, ErasureRules.CheckReason(new string('a', ErasureRules.ReasonMaxLength + 1)));
    }

    [Theory]
    [InlineData(true, Verified, true)]
    [InlineData(false, Verified, false)]
    [InlineData(true, Cancelled, false)]
    public void GrantNeedsExplanation_OnlyForAGrantWhileARequestIsOpen(bool grant, ErasureState state, bool explain)
    {
        var request = new ErasureRequestView(1, Guid.NewGuid(), state, Asked, Asked.AddMonths(1), null, null, 30, false);

        Assert.Equal(explain, ErasureRules.GrantNeedsExplanation(grant, request));
        Assert.False(ErasureRules.GrantNeedsExplanation(grant, null));
    }
}

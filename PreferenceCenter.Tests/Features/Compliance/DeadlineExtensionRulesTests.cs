using PreferenceCenter.Features.Compliance;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Tests.Features.Compliance;

/// <summary>Art. 12(3) GDPR as rules: once, by one or two months, with a reason, while open and within a month of receipt.</summary>
public sealed class DeadlineExtensionRulesTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    private static ErasureRequest Request(ErasureState state = ErasureState.Verified, bool extended = false) => new()
    {
        Id = 7, CustomerId = Guid.NewGuid(), State = state, RequestedAt = Asked, DueAt = ErasureRules.DueAt(Asked, 1), Culture = "en",
        DeadlineExtendedAt = extended ? Asked.AddDays(3) : null,
    };

    public static TheoryData<string, ErasureState, bool, int, string?, int, DeadlineExtensionOutcome?> Table => new()
    {
        // case, state, extended before, months, reason, days after receipt, outcome (null = allowed)
        { "one month, with a reason", ErasureState.Verified, false, 1, "Many requests this week.", 10, null },
        { "two months, on the last day", ErasureState.Approved, false, 2, "Backups to search.", 30, null },
        { "still waiting for the customer's confirmation", ErasureState.Requested, false, 1, "Why", 1, null },
        { "three months", ErasureState.Verified, false, 3, "Why", 1, DeadlineExtensionOutcome.MonthsOutOfBounds },
        { "no months", ErasureState.Verified, false, 0, "Why", 1, DeadlineExtensionOutcome.MonthsOutOfBounds },
        { "no reason", ErasureState.Verified, false, 1, "   ", 1, DeadlineExtensionOutcome.ReasonRequired },
        { "a reason too long", ErasureState.Verified, false, 1, new string('x', 501), 1, DeadlineExtensionOutcome.ReasonTooLong },
        { "a reason with a NUL", ErasureState.Verified, false, 1, "Many\0 requests", 1, DeadlineExtensionOutcome.ReasonHasControlCharacter },
        { "a reason on two lines", ErasureState.Verified, false, 1, "Many requests.\r\nAll at once.", 1, null },
        { "a month and a day after receipt", ErasureState.Verified, false, 1, "Why", 31, DeadlineExtensionOutcome.TooLate },
        { "extended before", ErasureState.Verified, true, 1, "Why", 1, DeadlineExtensionOutcome.AlreadyExtended },
        { "completed", ErasureState.Completed, false, 1, "Why", 1, DeadlineExtensionOutcome.Closed },
        { "cancelled", ErasureState.Cancelled, false, 1, "Why", 1, DeadlineExtensionOutcome.Closed },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Check_FollowsArticle12(string because, ErasureState state, bool extended, int months, string? reason, int days, DeadlineExtensionOutcome? expected) =>
        Assert.True(expected == DeadlineExtensionRules.Check(Request(state, extended), months, reason, Asked.AddDays(days)), because);
}

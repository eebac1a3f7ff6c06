namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>When a message that failed <c>attempts</c> times is tried again: exponential, capped, never given up.</summary>
public static class OutboxBackoff
{
    public static TimeSpan Delay(int attempts, TimeSpan retryBase, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // 2^30 × any base already exceeds every sensible cap; stopping there keeps the arithmetic from overflowing.
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var ticks = Math.Min(retryBase.Ticks * factor, cap.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

using Microsoft.Extensions.Time.Testing;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// One clock for several app instances at once. <see cref="Tick"/> moves it and fires every timer that falls due, so
/// the scheduled jobs of every instance wake on the same step, as they would when their intervals line up.
/// <see cref="Jump"/> moves it without firing any, as if the instances had sat idle meanwhile: months pass in one
/// call instead of one timer callback per interval in between.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider timers = new(start);
    private long jumpedTicks;

    public override DateTimeOffset GetUtcNow() => timers.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref jumpedTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        timers.CreateTimer(callback, state, dueTime, period);

    public void Tick(TimeSpan step) => timers.Advance(step);

    public void Jump(TimeSpan by) => Interlocked.Add(ref jumpedTicks, by.Ticks);
}

namespace PreferenceCenter.Data;

public static class TimeProviderExtensions
{
    /// <summary>
    /// UTC now, cut to whole milliseconds: the store keeps milliseconds, and a hash computed over a finer
    /// time than the one stored would never verify.
    /// </summary>
    public static DateTimeOffset GetUtcNowToMillisecond(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}

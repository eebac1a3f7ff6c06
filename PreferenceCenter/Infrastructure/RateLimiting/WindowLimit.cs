namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>At most <see cref="Permits"/> requests per fixed <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public const int MaxPermits = 1_000_000;
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public WindowLimit()
    {
    }

    public WindowLimit(int permits, TimeSpan window)
    {
        Permits = permits;
        Window = window;
    }

    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>What is wrong with this limit, named by its setting, or null.</summary>
    public string? Problem(string setting) =>
        Permits is < 1 or > MaxPermits ? $"{setting}:Permits must be between 1 and {MaxPermits}."
        : Window < MinWindow || Window > MaxWindow ? $"{setting}:Window must be between {MinWindow} and {MaxWindow}."
        : null;
}

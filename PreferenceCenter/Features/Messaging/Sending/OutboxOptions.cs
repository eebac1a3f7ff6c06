using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary><c>Email:Outbox:*</c>: how often the dispatcher looks, how much it sends per batch, how it backs off.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email:Outbox";

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>The wait after the first failure; it doubles with every further failure up to <see cref="RetryCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(1);
}

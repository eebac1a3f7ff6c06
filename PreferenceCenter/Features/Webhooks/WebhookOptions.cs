using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Webhooks;

/// <summary><c>Webhooks:*</c>: how often the dispatcher looks, how long a receiver may take, how it backs off and gives up.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries sent per batch at most (a batch also stops well before its lease runs out).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Ledger entries read per batch to make deliveries from.</summary>
    [Range(1, 100_000)]
    public int FanOutBatchSize { get; set; } = 1_000;

    /// <summary>Receivers called at once (each for another customer or endpoint, so order per customer holds).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>How long a receiver may take to answer, body read included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failure; it doubles with every further failure up to <see cref="RetryCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A delivery still failing this long after it was queued (or sent again) becomes a dead letter.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan DeadLetterAfter { get; set; } = TimeSpan.FromDays(3);
}

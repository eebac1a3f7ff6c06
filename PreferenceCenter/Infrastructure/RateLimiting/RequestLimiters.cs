using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// The limiters behind every <see cref="RateLimitedAttribute"/>: one per client address, then one per target, chained
/// so a request needs a permit from both. In memory, per instance: with N instances an address gets up to N times
/// the limit, which still cuts a script from hundreds a second to a few; what must hold across instances (the
/// lockout, the mail cap) is counted in the database instead.
/// </summary>
public sealed class RequestLimiters : IDisposable
{
    private readonly RateLimitOptions options;
    private readonly PartitionedRateLimiter<HttpContext> byClient;
    private readonly PartitionedRateLimiter<HttpContext> byTarget;
    private readonly PartitionedRateLimiter<(RequestLimit Action, string Target)> byNamedTarget;

    public RequestLimiters(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        byClient = PartitionedRateLimiter.Create<HttpContext, string>(ClientPartition);
        byTarget = PartitionedRateLimiter.Create<HttpContext, string>(TargetPartition);
        byNamedTarget = PartitionedRateLimiter.Create<(RequestLimit Action, string Target), (RequestLimit, string)>(
            named => Window(named, this.options.For(named.Action).PerTarget, (named.Action, string.Empty)));
        Requests = PartitionedRateLimiter.CreateChained(byClient, byTarget);
    }

    /// <summary>The rate limiting middleware's global limiter: no limit for requests no marker covers.</summary>
    public PartitionedRateLimiter<HttpContext> Requests { get; }

    /// <summary>
    /// One permit from <paramref name="action"/>'s per-target limit, for work that arrives without a request of its
    /// own (a click in a live circuit). Dispose the lease; check <see cref="RateLimitLease.IsAcquired"/>.
    /// </summary>
    public RateLimitLease AcquireForTarget(RequestLimit action, string target) =>
        byNamedTarget.AttemptAcquire((action, TargetKey.Of(target) ?? string.Empty));

    public void Dispose()
    {
        Requests.Dispose();
        byClient.Dispose();
        byTarget.Dispose();
        byNamedTarget.Dispose();
    }

    private RateLimitPartition<string> ClientPartition(HttpContext context) =>
        RateLimitedAttribute.Of(context) is { } limited
            ? Window($"{limited.Action}|{ClientAddress.KeyOf(context.Connection.RemoteIpAddress)}", options.For(limited.Action).PerClient, string.Empty)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private RateLimitPartition<string> TargetPartition(HttpContext context)
    {
        // The form was read before the limiter ran (RequestBodyGuard reads every form once); reading it here would block on the body.
        if (RateLimitedAttribute.Of(context) is not { TargetField: { } field } limited
            || context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is not { } form
            || TargetKey.Of(form[field]) is not { } target)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return Window($"{limited.Action}|{target}", options.For(limited.Action).PerTarget, string.Empty);
    }

    // No queue: a refused request is answered at once. Replenished by the partitioned limiter's own timer.
    private static RateLimitPartition<TKey> Window<TKey>(TKey key, WindowLimit? limit, TKey unlimited) => limit is null
        ? RateLimitPartition.GetNoLimiter(unlimited)
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0, AutoReplenishment = false,
        });
}

using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace PreferenceCenter.Tests.Infrastructure.RateLimiting;

public sealed class RequestLimitersTests
{
    [Fact]
    public async Task Past_its_limit_a_target_is_refused_until_the_window_ends_while_another_target_is_untouched()
    {
        var options = new RateLimitOptions { ErasureRequest = new(null, new(2, TimeSpan.FromSeconds(1))) };
        using var limiters = new RequestLimiters(Options.Create(options));
        var started = DateTime.UtcNow;

        for (var i = 0; i < 2; i++)
        {
            using var granted = limiters.AcquireForTarget(RequestLimit.ErasureRequest, "customer-1");
            Assert.True(granted.IsAcquired);
        }

        using (var refused = limiters.AcquireForTarget(RequestLimit.ErasureRequest, "customer-1"))
        {
            Assert.False(refused.IsAcquired);
            Assert.Equal(1, TooManyRequests.RetryAfterSeconds(refused));
        }

        using (var other = limiters.AcquireForTarget(RequestLimit.ErasureRequest, "customer-2"))
        {
            Assert.True(other.IsAcquired);
        }

        // The limiters replenish on the partitioned limiter's own timer, not on their own: the window must still end.
        while (true)
        {
            using var again = limiters.AcquireForTarget(RequestLimit.ErasureRequest, "customer-1");
            if (again.IsAcquired)
            {
                break;
            }

            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "The window never ended.");
            await Task.Delay(100);
        }
    }
}

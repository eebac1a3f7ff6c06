using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Tests.Features.Messaging.Sending;

namespace PreferenceCenter.Tests.Infrastructure.Jobs;

public sealed class DatabaseLeaseTests
{
    [Fact]
    public async Task Lease_IsHeldByOneHolderAtATime_ExtendedByItsHolder_AndTakenOverOnlyOnceLapsed()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var lease = outbox.Lease;
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(await lease.TryAcquireAsync("job", "a", minute));
        Assert.False(await lease.TryAcquireAsync("job", "b", minute));
        outbox.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await lease.TryAcquireAsync("job", "a", minute)); // extended to 1:50
        outbox.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await lease.TryAcquireAsync("job", "b", minute));
        outbox.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await lease.TryAcquireAsync("job", "b", minute));
        Assert.True(await lease.TryAcquireAsync("other-job", "a", minute)); // leases are per name
    }

    [Fact]
    public async Task Release_LetsAnotherHolderInAtOnce_ButOnlyTheHolderCanRelease()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var minute = TimeSpan.FromMinutes(1);
        await outbox.Lease.TryAcquireAsync("job", "a", minute);

        await outbox.Lease.ReleaseAsync("job", "b");
        Assert.False(await outbox.Lease.TryAcquireAsync("job", "b", minute));
        await outbox.Lease.ReleaseAsync("job", "a");
        Assert.True(await outbox.Lease.TryAcquireAsync("job", "b", minute));
    }

    [Fact]
    public async Task TwoDispatchersRacing_OnlyOneRunsTheBatch()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var leases = new[] { new DatabaseLease(outbox.Database, outbox.Clock), new DatabaseLease(outbox.Database, outbox.Clock) };

        var taken = await Task.WhenAll(leases.Select((l, i) => l.TryAcquireAsync("outbox", $"instance-{i}", TimeSpan.FromMinutes(1))));

        Assert.Single(taken, t => t);
    }
}

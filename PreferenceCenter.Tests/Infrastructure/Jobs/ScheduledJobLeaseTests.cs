using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Tests.Features.Messaging.Sending;

namespace PreferenceCenter.Tests.Infrastructure.Jobs;

/// <summary>
/// A batch that outlasts its lease (a slow mail server, a big erasure) keeps it, renewed as it runs, so no other
/// instance takes the same items over meanwhile; and a batch whose lease was taken anyway stops.
/// </summary>
public sealed class ScheduledJobLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ABatchLongerThanItsLease_KeepsTheLease_SoAnotherInstanceCannotTakeItOver()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var log = new RecordingLogger();
        var job = new SlowJob(outbox.Lease, outbox.Clock, log);
        // On the thread pool, as the host runs it: not behind this test's continuations on xunit's context.
        var running = Task.Run(() => job.RunOnceAsync());
        await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Four times the lease, ten seconds at a time. The job renews every third of the lease (each renewal timed from
        // when the last one finished, so a step or two later on a busy machine), so more than the next step is always
        // left; without renewal the lease runs out after 300 s and the wait for it fails.
        for (var elapsed = TimeSpan.Zero; elapsed < 4 * Lease; elapsed += TimeSpan.FromSeconds(10))
        {
            outbox.Clock.Advance(TimeSpan.FromSeconds(10));
            await UntilAsync(async () => await ExpiresAtAsync(outbox) - outbox.Clock.GetUtcNow() > TimeSpan.FromSeconds(10), async () => $"renewal by {elapsed} ({log}; batch stopped: {job.BatchToken.IsCancellationRequested}; now {outbox.Clock.GetUtcNow():O}, lease until {await ExpiresAtAsync(outbox):O})");
            Assert.False(await outbox.Lease.TryAcquireAsync("slow", "another-instance", Lease));
        }

        job.Finish.SetResult();
        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await outbox.Lease.TryAcquireAsync("slow", "another-instance", Lease)); // released at the end
    }

    [Fact]
    public async Task ABatchWhoseLeaseWasTakenOver_StopsAtTheNextRenewal_AndReportsThatItDidNotRun()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var job = new SlowJob(outbox.Lease, outbox.Clock);
        var running = Task.Run(() => job.RunOnceAsync());
        await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // As if this instance had stalled past its lease and another took it.
        await using (var db = outbox.Database.CreateDbContext())
        {
            await db.Leases.Where(l => l.Name == "slow").ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, "another-instance").SetProperty(l => l.ExpiresAt, outbox.Clock.GetUtcNow() + TimeSpan.FromHours(1)));
        }

        outbox.Clock.Advance(Lease / 3);

        Assert.False(await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(job.BatchToken.IsCancellationRequested);
        Assert.False(await outbox.Lease.TryAcquireAsync("slow", job.Holder, Lease)); // still the other instance's
    }

    private static async Task<DateTimeOffset> ExpiresAtAsync(OutboxHarness outbox)
    {
        await using var db = outbox.Database.CreateDbContext();
        return await db.Leases.Where(l => l.Name == "slow").Select(l => l.ExpiresAt).SingleAsync();
    }

    // The job's clock is fake; real time here only bounds a hang. Once, in a full run on PostgreSQL (2026-12-06), a
    // renewal that was due had not reached the database after 5 s of real time, and nothing had failed: 20 s.
    private static async Task UntilAsync(Func<Task<bool>> condition, Func<Task<string>> what)
    {
        for (var i = 0; i < 800; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"No {await what()} within 20 s.");
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");

        public override string ToString() => lines.IsEmpty ? "nothing logged" : string.Join(" | ", lines);
    }

    private sealed class SlowJob(DatabaseLease lease, TimeProvider time, RecordingLogger? log = null) : ScheduledJob(lease, time, (ILogger?)log ?? NullLogger.Instance)
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken BatchToken { get; private set; }

        protected override string Name => "slow";

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override TimeSpan LeaseDuration => Lease;

        protected override async Task RunBatchAsync(CancellationToken cancellationToken)
        {
            BatchToken = cancellationToken;
            Started.SetResult();
            await Finish.Task.WaitAsync(cancellationToken);
        }
    }
}

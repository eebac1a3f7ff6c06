using Microsoft.EntityFrameworkCore;

namespace PreferenceCenter.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every <see cref="Interval"/>, on a connection of its
/// own, so that the committing writer does not (see <see cref="SqliteConnectionSettings"/>). <c>PASSIVE</c> never
/// waits for or blocks readers and writers; what it cannot copy yet it copies on the next tick. Every instance may
/// run it: two checkpoints of one file simply take turns.
/// </summary>
public sealed partial class WalCheckpointer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>One pass: the frames in the log and how many of them are now in the database file.</summary>
    public async Task<(long LogFrames, long Copied)> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (_, logFrames, copied) = await SqliteCheckpoint.RunAsync(db.Database.GetDbConnection(), "PASSIVE", cancellationToken);
        return (logFrames, copied);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A committing connection still checkpoints once the log is large, so nothing is lost meanwhile.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the next tick tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// The lockout's counting, each step one UPDATE the database applies atomically, so it holds however many requests
/// (or app instances) arrive at once. Identity's own counting reads the row, adds one in memory and writes it back:
/// parallel wrong passwords each saw the same count and dozens were checked before it locked. Here an attempt takes
/// its place in the count before the password is checked; once the last place is taken nothing more is checked.
/// (ADR 0011.)
/// </summary>
public sealed class LockoutCounter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<IdentityOptions> identity)
{
    private int MaxAttempts => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>Counts one attempt, unless the account is locked or its attempts are all taken; true when counted.</summary>
    public async Task<bool> TryCountAttemptAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNowToMillisecond();
        var max = MaxAttempts;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users
            .Where(u => u.Id == userId && u.AccessFailedCount < max && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken) == 1;
    }

    /// <summary>
    /// Locks the account when every attempt is spent, and starts the count afresh for when the lockout ends. Returns
    /// the lockout's end when this call locked it; exactly one of any number of concurrent callers does.
    /// </summary>
    public async Task<DateTimeOffset?> LockIfSpentAsync(string userId, CancellationToken cancellationToken = default)
    {
        var until = time.GetUtcNowToMillisecond() + identity.Value.Lockout.DefaultLockoutTimeSpan;
        var max = MaxAttempts;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var locked = await db.Users
            .Where(u => u.Id == userId && u.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until).SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
        return locked == 1 ? until : null;
    }

    /// <summary>A failure counted after the check (a wrong two-factor code): count it, and lock if it was the last.</summary>
    public async Task<DateTimeOffset?> CountFailureAsync(string userId, CancellationToken cancellationToken = default)
    {
        await TryCountAttemptAsync(userId, cancellationToken);
        return await LockIfSpentAsync(userId, cancellationToken);
    }

    /// <summary>The right password: the count starts again (as Identity's own reset does).</summary>
    public async Task ClearAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.AccessFailedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
    }
}

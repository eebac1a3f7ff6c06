using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Infrastructure.Jobs;

/// <summary>
/// A named lease row in the database, so that of N instances only one runs a batch at a time. Taking it is one
/// conditional UPDATE (or the first INSERT), atomic on SQLite and PostgreSQL alike: no lock is held between calls.
/// </summary>
public sealed class DatabaseLease(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Takes (or extends, if <paramref name="holder"/> has it) the lease for <paramref name="duration"/>.
    /// False while another holder's lease has not expired.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var now = time.GetUtcNowToMillisecond();
        var until = now.Add(duration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsWriteConflict())
        {
            // Another instance inserted the first row between our two statements: it holds the lease.
            return false;
        }
    }

    /// <summary>Gives the lease up early so another instance need not wait for it to expire; a no-op if it is not ours.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNowToMillisecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Leases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Api;

/// <summary>
/// One database context per API request, rented and opened on first use and shared by the key's check and the
/// endpoint's reads: a sender asks before every send, and renting, opening and resetting a second context cost about
/// as much as the decision's own query. Scoped to the request, so it goes back to the pool when the request ends.
/// Reads only: writes keep their own context and transaction (<c>ConsentService</c>, <c>ContactReservations</c>).
/// </summary>
public sealed class ApiRequestDatabase(IDbContextFactory<AppDbContext> dbFactory) : IAsyncDisposable
{
    private AppDbContext? db;

    public async ValueTask<AppDbContext> GetAsync(CancellationToken cancellationToken)
    {
        if (db is null)
        {
            db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return db;
    }

    /// <summary>Gives the context back before the request ends: call it before waiting on something else (a group commit).</summary>
    public async ValueTask ReleaseAsync()
    {
        if (db is { } held)
        {
            db = null;
            await held.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => ReleaseAsync();
}

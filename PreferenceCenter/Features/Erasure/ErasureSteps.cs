using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// What each erasure step changes, inside the executor's transaction. Each returns the ledger entry's detail: what
/// kind of thing was done and how many, never a value. Each is safe to repeat.
/// </summary>
public sealed class ErasureSteps(
    PersonalDataProtector protector, AccountSealer accounts, SuppressionList suppressions, IEnumerable<ICustomerDataEraser> erasers, TimeProvider time,
    ILogger<ErasureSteps> logger)
{
    /// <summary>Fingerprints every email and phone we hold for the customer, so no sign-up or import re-adds them to marketing.</summary>
    public async Task<string?> WriteSuppressionAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profile = await db.CustomerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        var user = await (from c in db.Customers
                          join u in db.Users on c.UserId equals u.Id
                          where c.Id == customerId
                          select new { u.Id, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(cancellationToken);
        string? profileEmail = null, profilePhone = null;
        if (profile is not null)
        {
            using var cipher = await protector.ForReadingAsync(customerId, cancellationToken);
            profileEmail = cipher?.Unprotect(profile.Email);
            profilePhone = cipher?.Unprotect(profile.Phone);
        }

        var signInEmail = user is null ? null : await accounts.OpenAsync(user.Id, user.Email, cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var fingerprints = suppressions.Fingerprints(profileEmail, profilePhone, now)
            .Concat(suppressions.Fingerprints(signInEmail, user?.PhoneNumber, now))
            .DistinctBy(f => f.Hash)
            .ToList();
        await SuppressionList.AddAsync(db, fingerprints, cancellationToken);
        return string.Join(',', fingerprints.Select(f => f.Kind.ToString().ToLowerInvariant()).Distinct());
    }

    /// <summary>
    /// Deletes what the features above erasure keep about the customer (through <see cref="ICustomerDataEraser"/>:
    /// answers, contact rules and contact times, feedback words), mail still waiting to go to them (it holds their
    /// address and words, and must not reach someone we have forgotten), the officer's words on earlier refused
    /// requests (the request rows stay as proof of the workflow) and the profile.
    /// </summary>
    public async Task<string?> DeletePersonalRowsAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var done = new List<string>();
        foreach (var eraser in erasers)
        {
            done.Add(await eraser.EraseAsync(db, customerId, cancellationToken));
        }

        await db.OutboxMessages.Where(m => m.CustomerId == customerId && m.SentAt == null).ExecuteDeleteAsync(cancellationToken);
        var reasons = await db.ErasureRequests.Where(r => r.CustomerId == customerId && r.RejectionReason != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RejectionReason, (string?)null), cancellationToken);
        done.Add($"rejection-reasons={reasons}");
        var profile = await db.CustomerProfiles.Where(p => p.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        done.Add($"profile={profile}");
        return string.Join(';', done);
    }

    /// <summary>
    /// Deletes the Identity user with its logins, tokens, claims, roles and passkeys. The customer row keeps the
    /// account id until <see cref="MarkErasedAsync"/>, so the key step can still name the account's key to destroy.
    /// </summary>
    public static async Task<string?> DeleteSignInAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        if (customer.UserId is not { } userId)
        {
            return "no-account";
        }

        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserPasskeys.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        return "account-deleted";
    }

    /// <summary>
    /// Marks the customer erased and unlinks the deleted account. Repeats the personal-row deletion in the same
    /// transaction, so a write that raced the earlier steps (sealed with the key now destroyed) leaves no row behind either.
    /// </summary>
    public async Task<string?> MarkErasedAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await DeletePersonalRowsAsync(db, customerId, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        customer.Status = CustomerStatus.Erased;
        customer.PreferredCulture = null;
        customer.UserId = null;
        return null;
    }

    /// <summary>
    /// Makes the main database forget what the steps above deleted or blanked, on whichever provider it runs (the
    /// steps themselves are the same on both).
    /// <list type="bullet">
    /// <item>SQLite: every connection already runs with <c>secure_delete</c> (so deleted cells and freed pages are
    /// zeroed), VACUUM rewrites the file without free pages or older deletions made before that was on, and a TRUNCATE
    /// checkpoint copies the clean pages home and empties the WAL that still held the old frames.</item>
    /// <item>PostgreSQL: a DELETE or UPDATE leaves the old row versions as dead tuples, and plain VACUUM only prunes
    /// them, leaving their bytes in the page's free space; <c>VACUUM FULL</c> of the tables erasure touched rewrites
    /// each into a new file and truncates the old one at commit, once no transaction older than this step is left
    /// that could keep the old versions in the new files (<see cref="PostgreSqlRewrite"/>, ADR 0015).</item>
    /// </list>
    /// </summary>
    public async Task ForgetStorageAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlRewrite.VacuumFullAsync(db.Database, PostgreSqlForgetting.VacuumFull(ErasedFrom(db)), logger, cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await SqliteForgetting.CheckpointAsync(connection, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
            await SqliteForgetting.CheckpointAsync(connection, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Every table the steps delete from or blank: the features' (through <see cref="ICustomerDataEraser"/>), the
    /// outbox, erasure requests' reasons, the profile and the sign-in's. Not the ledger (append-only, never changed)
    /// nor the customer row (its status and account link are not personal).
    /// </summary>
    public IReadOnlyList<IEntityType> ErasedFrom(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return erasers.SelectMany(e => e.ErasedFrom(db)).Concat(
            [
                db.OutboxMessages.EntityType, db.ErasureRequests.EntityType, db.CustomerProfiles.EntityType,
                db.UserTokens.EntityType, db.UserLogins.EntityType, db.UserClaims.EntityType, db.UserRoles.EntityType,
                db.UserPasskeys.EntityType, db.Users.EntityType,
            ]).Distinct().ToList();
    }
}

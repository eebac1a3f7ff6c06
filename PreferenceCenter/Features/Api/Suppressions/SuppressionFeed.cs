using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Decisions;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// Reads the suppression list for one purpose and channel, row by row, from one read snapshot: the cursor handed
/// back and the rows agree, whatever commits meanwhile. Without a cursor (or when a notice was published since it,
/// which can change a purpose for everyone) the whole list: every customer <see cref="ContactDecisionRules"/> refuses.
/// With one, every customer that may have moved since, on or off: a ledger entry about them since its sequence, or a
/// consent lapse or pause end between its time and now. Never materialised: rows are decided as they are read.
/// </summary>
public sealed class SuppressionFeed(PersonalDataProtector protector, TimeProvider time)
{
    /// <summary>Addresses are opened this many customers at a time: one read of the key store each.</summary>
    private const int AddressBatch = 512;

    public async Task<SuppressionPullOutcome> OpenAsync(
        ApiRequestDatabase database, string? purposeKey, string? channelName, string? since, bool withAddresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(purposeKey))
        {
            errors["purpose"] = ["The purpose is required: the key of a published purpose, e.g. \"marketing\"."];
        }

        if (!ApiNames.TryParseChannel(channelName, out var channel))
        {
            errors["channel"] = [ApiNames.ChannelProblem];
        }

        SuppressionCursor? cursor = null;
        if (since is not null && !SuppressionCursor.TryParse(since, out cursor))
        {
            errors["since"] = [BadCursor];
        }

        if (errors.Count > 0)
        {
            return new SuppressionPullOutcome(null, errors);
        }

        var db = await database.GetAsync(cancellationToken);
        var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        try
        {
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var head = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            var now = time.GetUtcNowToMillisecond();
            var purpose = await db.Purposes.AsNoTracking().FirstOrDefaultAsync(p => p.Key == purposeKey!.Trim(), cancellationToken);
            if (purpose is null)
            {
                DecisionRequestRules.UnknownPurpose(string.Empty, purposeKey!.Trim(), errors);
            }

            if (cursor is not null && (cursor.Sequence > head || cursor.AsOf > now))
            {
                errors["since"] = [BadCursor];
            }

            if (errors.Count > 0)
            {
                await snapshot.DisposeAsync();
                return new SuppressionPullOutcome(null, errors);
            }

            var full = cursor is null || await db.LedgerEntries.AnyAsync(
                e => e.Sequence > cursor.Sequence && e.EventType == LedgerEventType.NoticePublished, cancellationToken);
            var customers = full ? db.Customers : Changed(db, cursor!, purpose!.Id, channel, now);
            var rows = ReadAsync(Facts(db, customers, purpose!.Id, channel, withAddresses), purpose!, channel, now, full, withAddresses, cancellationToken);
            return new SuppressionPullOutcome(new SuppressionPull(new SuppressionCursor(head, now), full, rows, snapshot), null);
        }
        catch
        {
            await snapshot.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A reader's snapshot, taken at its first read, that never waits for or holds up a writer: on SQLite a deferred
    /// transaction (no write lock), on PostgreSQL a read-only REPEATABLE READ one (READ COMMITTED, the default, would
    /// see each query's own moment, and the cursor would not match the rows).
    /// </summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (!db.Database.IsNpgsql())
        {
            return ((SqliteConnection)connection).BeginTransaction(deferred: true);
        }

        var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        try
        {
            await using var readOnly = connection.CreateCommand();
            readOnly.Transaction = snapshot;
            readOnly.CommandText = "SET TRANSACTION READ ONLY";
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
            return snapshot;
        }
        catch
        {
            await snapshot.DisposeAsync();
            throw;
        }
    }

    private const string BadCursor = "Not a cursor this list gave out: send back the Suppression-Cursor header of your last pull, or leave since out for the whole list.";

    /// <summary>Customers that may have moved since the cursor: a ledger entry about them, or a lapse or pause end by the clock alone.</summary>
    private static IQueryable<Customer> Changed(AppDbContext db, SuppressionCursor cursor, int purposeId, Channel channel, DateTimeOffset now)
    {
        var sequence = cursor.Sequence;
        var asOf = cursor.AsOf;
        var touched = db.LedgerEntries.Where(e => e.Sequence > sequence && e.SubjectId != null).Select(e => e.SubjectId!.Value)
            .Union(db.Consents.Where(k => k.PurposeId == purposeId && k.Channel == channel && k.ExpiresAt > asOf && k.ExpiresAt <= now).Select(k => k.CustomerId))
            .Union(db.ContactRules.Where(r => r.Channel == channel && r.PausedUntil > asOf && r.PausedUntil <= now).Select(r => r.CustomerId));
        return db.Customers.Where(c => touched.Contains(c.Id));
    }

    private static IQueryable<SuppressionFacts> Facts(AppDbContext db, IQueryable<Customer> customers, int purposeId, Channel channel, bool withAddresses) =>
        customers.AsNoTracking()
            .LeftJoin(db.Consents.Where(k => k.PurposeId == purposeId && k.Channel == channel), c => c.Id, k => k.CustomerId, (c, k) => new { c, k })
            .LeftJoin(db.ContactRules.Where(r => r.Channel == channel), x => x.c.Id, r => r.CustomerId, (x, r) => new { x.c, x.k, r })
            .LeftJoin(db.CustomerProfiles, x => x.c.Id, p => p.CustomerId, (x, p) => new SuppressionFacts
            {
                CustomerId = x.c.Id,
                Reference = x.c.Reference,
                Status = x.c.Status,
                CreatedAt = x.c.CreatedAt,
                ConsentState = (PreferenceCenter.Features.Consents.ConsentState?)x.k!.State,
                ConsentExpiresAt = x.k.ExpiresAt,
                ConsentChangedAt = (DateTimeOffset?)x.k.ChangedAt,
                Frequency = (ContactFrequency?)x.r!.Frequency,
                PausedUntil = x.r.PausedUntil,
                RuleChangedAt = (DateTimeOffset?)x.r.ChangedAt,
                ErasedAt = x.c.Status == CustomerStatus.Erased
                    ? db.LedgerEntries.Where(e => e.SubjectId == x.c.Id && e.EventType == LedgerEventType.CustomerErased)
                        .OrderByDescending(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault()
                    : null,
                SealedEmail = withAddresses && x.c.Status == CustomerStatus.Active ? p!.Email : null,
            });

    private async IAsyncEnumerable<SuppressionRow> ReadAsync(
        IQueryable<SuppressionFacts> query, Purpose purpose, Channel channel, DateTimeOffset now, bool onlySuppressed, bool withAddresses,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<(SuppressionFacts Facts, SuppressionRow Row)>(withAddresses ? AddressBatch : 0);
        await foreach (var facts in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var decision = ContactDecisionRules.Decide(facts.ToContactFacts(channel, purpose), now);
            var suppressed = SuppressionRules.IsSuppressed(decision);
            if (onlySuppressed && !suppressed)
            {
                continue;
            }

            var row = new SuppressionRow(
                facts.Reference, suppressed, suppressed ? DecisionReasons.Of(decision.Reason) : null,
                SuppressionRules.Since(decision, facts, now), decision.Reason == ContactDecisionReason.Paused ? decision.NotBefore : null);
            if (!withAddresses)
            {
                yield return row;
                continue;
            }

            pending.Add((facts, row));
            if (pending.Count == AddressBatch)
            {
                foreach (var addressed in await WithAddressesAsync(pending, cancellationToken))
                {
                    yield return addressed;
                }

                pending.Clear();
            }
        }

        foreach (var addressed in await WithAddressesAsync(pending, cancellationToken))
        {
            yield return addressed;
        }
    }

    /// <summary>Opens the batch's addresses with their owners' keys; an erased customer has no key and no address.</summary>
    private async Task<List<SuppressionRow>> WithAddressesAsync(List<(SuppressionFacts Facts, SuppressionRow Row)> pending, CancellationToken cancellationToken)
    {
        var ciphers = await protector.ForReadingManyAsync([.. pending.Where(p => p.Facts.SealedEmail is not null).Select(p => p.Facts.CustomerId)], cancellationToken);
        try
        {
            return [.. pending.Select(p => p.Row with
            {
                Email = p.Facts.SealedEmail is { } sealedEmail && ciphers.TryGetValue(p.Facts.CustomerId, out var cipher) ? cipher.Unprotect(sealedEmail) : null,
            })];
        }
        finally
        {
            foreach (var cipher in ciphers.Values)
            {
                cipher.Dispose();
            }
        }
    }
}

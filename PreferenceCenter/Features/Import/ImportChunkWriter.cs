using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Writes one chunk of an import in one transaction: the customers it needs (without a sign-in: encrypted profile
/// with the address under their own key and its blind index, as sign-up makes one), their consents through
/// <see cref="ConsentService.BeginImportAsync"/>, the rows' keys, and the run's progress. A crash before the commit
/// leaves none of it, so a restart does the chunk again from the start.
/// </summary>
public sealed class ImportChunkWriter(
    ConsentService consents, LedgerWriter ledger, PersonalDataProtector protector, BlindIndex index, SuppressionList suppressions,
    CustomerProfileService profiles)
{
    /// <returns>False when the run moved on meanwhile (another instance wrote this chunk): nothing was written.</returns>
    public async Task<bool> WriteAsync(AppDbContext db, Guid runId, int expectedThroughLine, IReadOnlyList<ImportRow> chunk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(chunk);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        if (run.ProcessedThroughLine != expectedThroughLine || run.State == ImportRunState.Completed)
        {
            return false;
        }

        var indexes = chunk.Select(r => index.OfEmail(r.Email)!).ToList();
        var keys = chunk.Select((r, i) => ImportRowKey.For(indexes[i], r)).ToList();
        var known = (await db.ImportedRows.Where(k => EF.Parameter(keys).Contains(k.Key)).Select(k => k.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var distinct = indexes.Distinct(StringComparer.Ordinal).ToList();
        var customers = await db.CustomerProfiles.Where(p => EF.Parameter(distinct).Contains(p.EmailIndex!))
            .Select(p => new { p.EmailIndex, p.CustomerId }).ToDictionaryAsync(p => p.EmailIndex!, p => p.CustomerId, StringComparer.Ordinal, cancellationToken);
        var suppressed = await SuppressedAsync(db, chunk, indexes, customers, now, cancellationToken);

        await using var entries = await ledger.BeginBatchAsync(db, cancellationToken);
        if (run.State == ImportRunState.Queued)
        {
            run.State = ImportRunState.Running;
            await entries.AppendAsync(new LedgerDraft(LedgerEventType.ImportStarted, run.Actor, null, ChangeSource.Import,
                Detail: $"{{\"import\":\"{run.Id}\",\"rows\":{run.TotalRows},\"sha256\":\"{run.FileHash}\"}}"), cancellationToken);
        }

        run.CustomersCreated += await CreateCustomersAsync(db, entries, run, chunk, indexes, customers, suppressed, now, cancellationToken);
        var imported = new List<(ImportRow Row, string Key, ImportedConsent Consent)>();
        for (var i = 0; i < chunk.Count; i++)
        {
            var row = chunk[i];
            if (!known.Add(keys[i]))
            {
                run.AlreadyImported++;
            }
            else if (suppressed.Contains(indexes[i]))
            {
                run.Suppressed++;
            }
            else
            {
                imported.Add((row, keys[i], new ImportedConsent(
                    new ConsentChange(customers[indexes[i]], row.Purpose, row.Channel, row.Granted, ConsentChange.AnyVersion, run.Actor,
                        ChangeSource.Import, ImportedEvidence.Of(row, run.Id).ToJson()),
                    row.CapturedAt, row.ConfirmedAt is not null, row.NoticeVersion)));
            }
        }

        await WriteConsentsAsync(db, entries, run, imported, now, cancellationToken);
        run.ProcessedRows += chunk.Count;
        run.ProcessedThroughLine = chunk[^1].Line;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private async Task WriteConsentsAsync(
        AppDbContext db, LedgerBatch entries, ImportRun run, List<(ImportRow Row, string Key, ImportedConsent Consent)> imported, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var batch = await consents.BeginImportAsync(db, entries, [.. imported.Select(i => i.Consent)], cancellationToken);
        await using var keyInsert = db.PrepareInsert<ImportedRow>();
        foreach (var (row, key, consent) in imported)
        {
            var result = await batch.WriteAsync(consent, now, cancellationToken);
            switch (result.Outcome)
            {
                case ConsentChangeOutcome.Saved:
                    run.Written++;
                    break;
                case ConsentChangeOutcome.Unchanged:
                    run.Unchanged++;
                    break;
                default:
                    // Refused by the consent rules (e.g. an account being erased): no key, so a later run may try again.
                    run.Refused++;
                    continue;
            }

            await keyInsert.ExecuteAsync(new ImportedRow { Key = key, ImportRunId = run.Id, Line = row.Line }, cancellationToken: cancellationToken);
        }
    }

    // Addresses nobody has now but an erased customer had: refused and counted, never made into a customer again.
    private async Task<HashSet<string>> SuppressedAsync(
        AppDbContext db, IReadOnlyList<ImportRow> chunk, List<string> indexes, Dictionary<string, Guid> customers, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (!customers.ContainsKey(indexes[i]) && !hashes.ContainsKey(indexes[i])
                && suppressions.Fingerprints(chunk[i].Email, phone: null, now) is [var fingerprint, ..])
            {
                hashes[indexes[i]] = fingerprint.Hash;
            }
        }

        if (hashes.Count == 0)
        {
            return [];
        }

        var values = hashes.Values.ToList();
        var listed = (await db.Suppressions.Where(s => EF.Parameter(values).Contains(s.Hash)).Select(s => s.Hash).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. hashes.Where(h => listed.Contains(h.Value)).Select(h => h.Key)];
    }

    private async Task<int> CreateCustomersAsync(
        AppDbContext db, LedgerBatch entries, ImportRun run, IReadOnlyList<ImportRow> chunk, List<string> indexes, Dictionary<string, Guid> customers,
        HashSet<string> suppressed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<string, (Guid Id, ImportRow Row)>(StringComparer.Ordinal);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (!customers.ContainsKey(indexes[i]) && !suppressed.Contains(indexes[i]) && !fresh.ContainsKey(indexes[i]))
            {
                fresh[indexes[i]] = (NewCustomerId(run.Id, indexes[i]), chunk[i]);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var references = await FreeReferencesAsync(db, fresh.Count, cancellationToken);
        var ciphers = await protector.ForWritingManyAsync([.. fresh.Values.Select(f => f.Id)], cancellationToken);
        try
        {
            await using var customerInsert = db.PrepareInsert<Customer>();
            await using var profileInsert = db.PrepareInsert<CustomerProfile>();
            foreach (var ((emailIndex, (id, row)), reference) in fresh.Zip(references))
            {
                await customerInsert.ExecuteAsync(new Customer { Id = id, Reference = reference, CreatedAt = now }, cancellationToken: cancellationToken);
                await profileInsert.ExecuteAsync(profiles.NewProfile(ciphers[id], row.Email, now), cancellationToken: cancellationToken);
                await entries.AppendAsync(new LedgerDraft(LedgerEventType.CustomerImported, run.Actor, id, ChangeSource.Import,
                    Detail: ImportedEvidence.Of(row, run.Id).ToJson()), cancellationToken);
                customers[emailIndex] = id;
            }
        }
        finally
        {
            foreach (var cipher in ciphers.Values)
            {
                cipher.Dispose();
            }
        }

        return fresh.Count;
    }

    // References are random (30 bits): among 100,000 new customers a few would collide with each other or with one
    // already issued, so they are drawn again until every one is free.
    private static async Task<List<string>> FreeReferencesAsync(AppDbContext db, int count, CancellationToken cancellationToken)
    {
        var free = new HashSet<string>(StringComparer.Ordinal);
        while (free.Count < count)
        {
            var drawn = Enumerable.Range(0, count - free.Count).Select(_ => CustomerReference.New()).Where(r => !free.Contains(r)).Distinct().ToList();
            var taken = await db.Customers.Where(c => EF.Parameter(drawn).Contains(c.Reference)).Select(c => c.Reference).ToListAsync(cancellationToken);
            free.UnionWith(drawn.Except(taken));
        }

        return [.. free];
    }

    // The same id for the same address in the same run: a chunk done again after a crash finds the key it made before.
    private static Guid NewCustomerId(Guid runId, string emailIndex) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId:N}/{emailIndex}")).AsSpan(0, 16));
}

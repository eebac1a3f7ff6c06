using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Writes imported consents in the caller's transaction without change tracking, decided by the rules every consent
/// write follows (<see cref="ConsentPrecheck"/>, <see cref="ConsentTransition"/>) plus two of an import's own: a
/// record older than the consent's current state changes nothing (the customer's later choice stands), and
/// marketing by email without proof of confirmation waits for double opt-in (a confirmation email is queued when the
/// customer has a sign-in to write to). The period starts when the consent was captured, so its expiry does too.
/// Made by <see cref="ConsentService.BeginImportAsync"/>.
/// </summary>
public sealed class ConsentImportBatch : IAsyncDisposable
{
    private readonly AppDbContext db;
    private readonly LedgerBatch ledger;
    private readonly LifecycleMail mail;
    private readonly ConsentBatchContext context;
    private readonly RowCommand<Consent> insert;
    private readonly RowCommand<Consent> update;
    private readonly Queue<int>? reservedIds;
    private int nextId;

    private ConsentImportBatch(AppDbContext db, LedgerBatch ledger, LifecycleMail mail, ConsentBatchContext context, int lastId, Queue<int>? reservedIds)
    {
        this.db = db;
        this.ledger = ledger;
        this.mail = mail;
        this.context = context;
        insert = db.PrepareInsert<Consent>();
        update = db.PrepareUpdate<Consent>(ConsentTransition.ChangedProperties);
        nextId = lastId;
        this.reservedIds = reservedIds;
    }

    internal static async Task<ConsentImportBatch> BeginAsync(
        AppDbContext db, LedgerBatch ledger, LifecycleMail mail, IReadOnlyList<ImportedConsent> consents, CancellationToken cancellationToken)
    {
        var context = await ConsentBatchContext.LoadAsync(db, [.. consents.Select(c => c.Change)], cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL's identity column draws from a sequence that explicit ids never advance: ids counted on from
            // MAX(Id) would later collide with the sequence's own, and the next customer's first consent would fail on
            // the key (read as "changed elsewhere"). So the batch takes its ids from the sequence, one for each consent.
            var reserved = await db.Database.SqlQuery<int>(
                $"SELECT nextval(pg_get_serial_sequence('\"Consents\"', 'Id'))::integer AS \"Value\" FROM generate_series(1, {consents.Count})")
                .ToListAsync(cancellationToken);
            return new ConsentImportBatch(db, ledger, mail, context, 0, new Queue<int>(reserved));
        }

        // Inside the write transaction, so no other writer can take the ids counted on from here.
        var lastId = await db.Consents.MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0;
        return new ConsentImportBatch(db, ledger, mail, context, lastId, null);
    }

    public async Task<ConsentChangeResult> WriteAsync(ImportedConsent imported, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var change = imported.Change;
        var current = context.For(change);
        if (ConsentPrecheck.Decide(change, current, now) is { } decided)
        {
            return decided;
        }

        var (_, purpose, notice, consent) = current;
        if (consent is not null && consent.ChangedAt >= imported.CapturedAt)
        {
            return ConsentChangeResult.Unchanged(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
        }

        var before = ConsentRules.StateLabel(consent, now);
        var pending = change.Grant && ConsentRules.IsDoubleOptIn(purpose!, change.Channel) && !imported.Confirmed;
        if (pending)
        {
            await mail.EnqueueConfirmationAsync(db, change.CustomerId, purpose!.Key, change.Channel, cancellationToken);
        }

        var state = pending ? ConsentState.PendingConfirmation : change.Grant ? ConsentState.Granted : ConsentState.Withdrawn;
        var shown = imported.NoticeVersion ?? notice!.Value;
        if (consent is null)
        {
            consent = new Consent { Id = reservedIds?.Dequeue() ?? ++nextId, CustomerId = change.CustomerId, PurposeId = purpose!.Id, Channel = change.Channel };
            ConsentTransition.Apply(consent, state, purpose, shown, change.Source, imported.CapturedAt);
            await insert.ExecuteAsync(consent, cancellationToken: cancellationToken);
            context.Add(consent);
        }
        else
        {
            object?[] read = [consent.Version];
            ConsentTransition.Apply(consent, state, purpose!, shown, change.Source, imported.CapturedAt);
            if (await update.ExecuteAsync(consent, read, cancellationToken) != 1)
            {
                throw new InvalidOperationException("A consent changed while the import held the write lock.");
            }
        }

        var eventType = pending ? LedgerEventType.ConsentPendingConfirmation
            : change.Grant ? LedgerEventType.ConsentGranted : LedgerEventType.ConsentWithdrawn;
        await ledger.AppendAsync(new LedgerDraft(
            eventType, change.Actor, change.CustomerId, change.Source, shown, purpose!.Key, change.Channel,
            before, ConsentRules.StateLabel(consent, now), change.Evidence), cancellationToken);
        return ConsentChangeResult.Saved(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await update.DisposeAsync();
    }
}

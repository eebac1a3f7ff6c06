using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// The facts for customers named by reference, for one purpose and channel, in one statement: the purpose, joined to the
/// customers on the list, each left-joined to their consent, contact rule and last contact (each unique per customer
/// and channel, so one row a customer), only the columns <see cref="ContactDecisionRules"/> reads. A sender asks before
/// every send, one question or a thousand; <see cref="ContactFactsBatch"/>'s five reads by id, after a lookup of the
/// references, would cost several times the call's own overhead. No row at all means no purpose has the key.
/// Compiled once: a hot path should not walk and hash its expression tree on every call; the list goes as one JSON
/// parameter, as in <see cref="ContactFactsBatch"/>. One customer on SQLite is read by <see cref="SqliteFactsReaders"/>
/// instead, the same statement prepared once on a kept connection (ADR 0016).
/// </summary>
internal static class ReferencedContactFacts
{
    /// <returns>Null when no purpose has the key; otherwise the facts of every reference found (not found: not in the map).</returns>
    public static async Task<(Purpose Purpose, Dictionary<string, ContactFacts> Found)?> LoadAsync(
        AppDbContext db, string purposeKey, Channel channel, List<string> references, SqliteFactsReaders? readers, CancellationToken cancellationToken)
    {
        if (references.Count == 1 && readers is not null && db.Database.IsSqlite())
        {
            // One customer on SQLite: a statement prepared once on a kept connection, not parsed and planned per call.
            if (readers.Read(db.Database.GetConnectionString()!, purposeKey, channel, references[0]) is not var (onePurpose, oneFacts))
            {
                return null;
            }

            var one = new Dictionary<string, ContactFacts>(1, StringComparer.Ordinal);
            if (oneFacts is not null)
            {
                one[references[0]] = oneFacts;
            }

            return (onePurpose, one);
        }

        // One customer is what a sender asks before most sends (here on PostgreSQL, or without kept readers): "=" reads
        // one index entry, where a list is a JSON parameter the database unpacks first, which costs about as much as
        // the rest of the call.
        var rows = references.Count == 1
            ? ForOne.For(db)(db, purposeKey, channel, references[0])
            : ForMany.For(db)(db, purposeKey, channel, references);
        Purpose? purpose = null;
        var found = new Dictionary<string, ContactFacts>(references.Count, StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            purpose ??= row.Purpose;
            if (row.Reference is not null)
            {
                found[row.Reference] = new ContactFacts(channel, row.Status, purpose, row.Consent, row.Rule, row.LastContactedAt);
            }
        }

        return purpose is null ? null : (purpose, found);
    }

    private static readonly CompiledQuery<Func<AppDbContext, string, Channel, string, IAsyncEnumerable<Row>>> ForOne = new(() =>
        EF.CompileAsyncQuery(Shape((AppDbContext db, string reference) => db.Customers.Where(c => c.Reference == reference))));

    private static readonly CompiledQuery<Func<AppDbContext, string, Channel, List<string>, IAsyncEnumerable<Row>>> ForMany = new(() =>
        EF.CompileAsyncQuery(Shape((AppDbContext db, List<string> references) => db.Customers.Where(c => references.Contains(c.Reference)))));

    /// <summary>The one statement, for whichever customers <paramref name="customers"/> picks (spliced in, so EF sees one query).</summary>
    private static Expression<Func<AppDbContext, string, Channel, TSubjects, IQueryable<Row>>> Shape<TSubjects>(
        Expression<Func<AppDbContext, TSubjects, IQueryable<Customer>>> customers)
    {
        Expression<Func<AppDbContext, string, Channel, IQueryable<Customer>, IQueryable<Row>>> shape = (db, purposeKey, channel, picked) =>
            db.Purposes.AsNoTracking().Where(p => p.Key == purposeKey)
                // A left join on nothing: the purpose's row comes back even when nobody picked exists.
                .LeftJoin(picked, p => true, c => true,
                    (p, c) => new { Purpose = p, Reference = c!.Reference, CustomerId = (Guid?)c.Id, Status = (CustomerStatus?)c.Status })
                .LeftJoin(db.Consents,
                    x => new { x.CustomerId, PurposeId = (int?)x.Purpose.Id, Channel = (Channel?)channel },
                    k => new { CustomerId = (Guid?)k.CustomerId, PurposeId = (int?)k.PurposeId, Channel = (Channel?)k.Channel },
                    (x, k) => new { x.Purpose, x.Reference, x.CustomerId, x.Status, State = (ConsentState?)k!.State, k.ExpiresAt })
                .LeftJoin(db.ContactRules,
                    x => new { x.CustomerId, Channel = (Channel?)channel }, r => new { CustomerId = (Guid?)r.CustomerId, Channel = (Channel?)r.Channel },
                    (x, r) => new { x.Purpose, x.Reference, x.CustomerId, x.Status, x.State, x.ExpiresAt, Frequency = (ContactFrequency?)r!.Frequency, r.PausedUntil })
                .LeftJoin(db.ChannelContacts,
                    x => new { x.CustomerId, Channel = (Channel?)channel }, l => new { CustomerId = (Guid?)l.CustomerId, Channel = (Channel?)l.Channel },
                    (x, l) => new Row
                    {
                        Purpose = x.Purpose,
                        Reference = x.Reference,
                        Status = x.Status,
                        // Only what ContactDecisionRules reads; the rest of the rows would be read for nothing.
                        Consent = x.State == null ? null : new Consent { State = x.State.Value, ExpiresAt = x.ExpiresAt },
                        Rule = x.Frequency == null ? null : new ContactRule { Frequency = x.Frequency.Value, PausedUntil = x.PausedUntil },
                        LastContactedAt = (DateTimeOffset?)l!.LastContactedAt,
                    });

        var subjects = Expression.Parameter(typeof(TSubjects), customers.Parameters[1].Name);
        var picked = new ParameterSwap(customers.Parameters[0], shape.Parameters[0]).Visit(new ParameterSwap(customers.Parameters[1], subjects).Visit(customers.Body));
        var body = new ParameterSwap(shape.Parameters[3], picked).Visit(shape.Body);
        return Expression.Lambda<Func<AppDbContext, string, Channel, TSubjects, IQueryable<Row>>>(body, shape.Parameters[0], shape.Parameters[1], shape.Parameters[2], subjects);
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Row
    {
        public required Purpose Purpose { get; init; }
        public string? Reference { get; init; }
        public CustomerStatus? Status { get; init; }
        public Consent? Consent { get; init; }
        public ContactRule? Rule { get; init; }
        public DateTimeOffset? LastContactedAt { get; init; }
    }
}

using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// Everything a consent change is decided on, read in one round trip inside the write transaction:
/// the customer's status, the purpose, the current notice version and the consent as it stands (tracked).
/// </summary>
public sealed record ConsentChangeContext(CustomerStatus? CustomerStatus, Purpose? Purpose, int? NoticeVersion, Consent? Consent)
{
    // Compiled: this runs on every change, and a compiled query halves its cost (see the README's benchmark).
    private static readonly CompiledQuery<Func<AppDbContext, Guid, string, Channel, Task<Row?>>> Load = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid customerId, string purposeKey, Channel channel) => (
            from purpose in db.Purposes
            where purpose.Key == purposeKey
            join existing in db.Consents.Where(c => c.CustomerId == customerId && c.Channel == channel)
                on purpose.Id equals existing.PurposeId into consents
            from consent in consents.DefaultIfEmpty()
            select new Row(
                purpose,
                consent,
                db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefault(),
                db.NoticeVersions.Max(n => (int?)n.Number)))
            .FirstOrDefault()));

    public static async Task<ConsentChangeContext> LoadAsync(AppDbContext db, ConsentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await Load.For(db)(db, change.CustomerId, change.PurposeKey, change.Channel);
        return row is not null
            ? new ConsentChangeContext(row.Status, row.Purpose, row.Notice, row.Consent)
            : new ConsentChangeContext(await StatusAsync(db, change.CustomerId, cancellationToken), null, null, null);
    }

    // Only when the purpose does not exist: the change is refused, but an unknown customer is still reported first.
    private static Task<CustomerStatus?> StatusAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);

    private sealed record Row(Purpose Purpose, Consent? Consent, CustomerStatus? Status, int? Notice);
}

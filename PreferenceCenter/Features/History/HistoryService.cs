using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.History;

/// <summary>
/// A customer's own ledger entries, newest first, a page at a time. Reasons staff typed are stored sealed under the
/// customer's key and opened here; once the customer is erased (key destroyed) they read as nothing.
/// </summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> dbFactory, PersonalDataProtector protector)
{
    public const int DefaultPageSize = 20;

    public async Task<HistoryPage> GetPageAsync(Guid subjectId, int pageNumber, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == subjectId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(e => e.Sequence)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(e => new HistoryItem(e.Sequence, e.OccurredAt, e.EventType, e.ActorKind, e.Source,
                e.PurposeKey, e.Channel, e.Reason, e.RequestChannel, e.NoticeVersion, e.After, e.Before, e.Detail)
            { ApiClientActorId = e.ActorKind == ActorKind.ApiClient ? e.ActorId : null })
            .ToListAsync(cancellationToken);
        items = await OpenReasonsAsync(subjectId, items, cancellationToken);
        return new HistoryPage(await NameApiClientsAsync(db, items, cancellationToken), pageNumber, pageSize, total);
    }

    private async Task<List<HistoryItem>> OpenReasonsAsync(Guid subjectId, List<HistoryItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => ProtectedText.IsSealed(i.Reason)))
        {
            return items;
        }

        using var cipher = await protector.ForReadingAsync(subjectId, cancellationToken);
        return [.. items.Select(i => ProtectedText.IsSealed(i.Reason) ? i with { Reason = Open(cipher, i.Reason) } : i)];
    }

    // A reason that cannot be opened (key destroyed, or the row altered) is left out rather than shown as ciphertext.
    private static string? Open(CustomerCipher? cipher, string? sealedReason)
    {
        try
        {
            return cipher?.Unprotect(sealedReason);
        }
        catch (PersonalDataUnreadableException)
        {
            return null;
        }
    }

    // The ledger keeps the client's id (its name may change); the customer reads the name it has now.
    private static async Task<List<HistoryItem>> NameApiClientsAsync(AppDbContext db, List<HistoryItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => Guid.TryParseExact(i.ApiClientActorId, "N", out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return items;
        }

        var names = await db.ApiClients.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. items.Select(i => Guid.TryParseExact(i.ApiClientActorId, "N", out var id) && names.TryGetValue(id, out var name)
            ? i with { ApiClientName = name } : i)];
    }
}

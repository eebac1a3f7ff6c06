using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Privacy;

/// <summary>
/// Publishes a catalog as the next notice version: recipients (by name) and purposes (by key) are created or
/// updated, every text is attached to the new version, and the publication is a ledger entry — one transaction.
/// </summary>
public sealed class CatalogPublisher(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public const string ActorName = "catalog-import";

    /// <returns>The number of the notice version now in force.</returns>
    /// <exception cref="CatalogException">The catalog breaks a <see cref="CatalogRules"/> rule; nothing was written.</exception>
    public async Task<int> PublishAsync(CatalogDocument catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        CheckRules(catalog);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var number = await PublishAsync(db, catalog, Actor.System(ActorName), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return number;
    }

    /// <summary>
    /// Publishes inside the caller's transaction, recorded as <paramref name="publishedBy"/> (an officer's note on what
    /// changed travels as the actor's reason), so the caller's own writes commit with it. The caller saves and commits.
    /// </summary>
    /// <exception cref="CatalogException">The catalog breaks a rule; nothing was added to <paramref name="db"/>.</exception>
    public async Task<int> PublishAsync(AppDbContext db, CatalogDocument catalog, Actor publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(publishedBy);
        CheckRules(catalog);
        var number = (await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0) + 1;
        var recipients = await UpsertRecipientsAsync(db, catalog, cancellationToken);
        var purposes = await UpsertPurposesAsync(db, catalog, recipients, number, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // purposes need their ids before texts can point at them

        var notice = new NoticeVersion { Number = number, PublishedAt = catalog.PublishedAt ?? time.GetUtcNowToMillisecond() };
        notice.Texts.AddRange(catalog.Notice.Select(t => new NoticeText { Culture = t.Key, Title = t.Value.Title, LegalText = t.Value.LegalText }));
        notice.PurposeTexts.AddRange(catalog.Purposes.SelectMany(p => p.Texts.Select(t => new PurposeText
        {
            PurposeId = purposes[p.Key].Id, Culture = t.Key, Title = t.Value.Title, Summary = t.Value.Summary,
            DataUsed = t.Value.DataUsed, Retention = t.Value.Retention, IfYouSayNo = t.Value.IfYouSayNo,
        })));
        db.NoticeVersions.Add(notice);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.NoticePublished, publishedBy, null, publishedBy.Kind == ActorKind.Staff ? ChangeSource.Web : ChangeSource.System, number,
            Detail: string.Join(",", catalog.Purposes.Select(p => p.Key))), cancellationToken);
        return number;
    }

    private static void CheckRules(CatalogDocument catalog)
    {
        var problems = CatalogRules.Check(catalog);
        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }
    }

    private static async Task<Dictionary<string, Recipient>> UpsertRecipientsAsync(AppDbContext db, CatalogDocument catalog, CancellationToken cancellationToken)
    {
        var existing = await db.Recipients.ToDictionaryAsync(r => r.Name, cancellationToken);
        var byKey = new Dictionary<string, Recipient>();
        foreach (var entry in catalog.Recipients ?? [])
        {
            if (!existing.TryGetValue(entry.Name, out var recipient))
            {
                recipient = db.Recipients.Add(new Recipient { Name = entry.Name, Country = entry.Country }).Entity;
            }

            recipient.Country = entry.Country;
            recipient.PrivacyPolicy = entry.PrivacyPolicy;
            byKey[entry.Key] = recipient;
        }

        return byKey;
    }

    private static async Task<Dictionary<string, Purpose>> UpsertPurposesAsync(
        AppDbContext db, CatalogDocument catalog, Dictionary<string, Recipient> recipients, int number, CancellationToken cancellationToken)
    {
        var existing = await db.Purposes.ToDictionaryAsync(p => p.Key, cancellationToken);
        var unknown = catalog.Purposes.Where(p => p.MaterialChange && !existing.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        if (unknown.Count > 0)
        {
            // Needs the database, so it is checked here rather than in CatalogRules; nothing has been saved yet.
            throw new CatalogException([.. unknown.Select(key =>
                $"Purpose '{key}' is marked as materially changed, but it was never published: a new purpose has nothing to review.")]);
        }

        var order = 0;
        foreach (var entry in catalog.Purposes)
        {
            if (entry.MaterialChange)
            {
                existing[entry.Key].MaterialChangeNotice = number;
            }

            if (!existing.TryGetValue(entry.Key, out var purpose))
            {
                purpose = db.Purposes.Add(new Purpose { Key = entry.Key, Icon = entry.Icon }).Entity;
                existing[entry.Key] = purpose;
            }

            purpose.Kind = entry.Kind;
            purpose.LegalBasis = entry.LegalBasis;
            purpose.Icon = entry.Icon;
            purpose.OfferedChannels = ChannelSetExtensions.Of([.. entry.Channels ?? []]);
            purpose.ValidityMonths = entry.ValidityMonths;
            purpose.RetentionAfterEndDays = entry.RetentionAfterEndDays ?? purpose.RetentionAfterEndDays;
            purpose.Recipient = entry.Recipient is null ? null : recipients[entry.Recipient];
            purpose.SortOrder = ++order;
        }

        return existing;
    }
}

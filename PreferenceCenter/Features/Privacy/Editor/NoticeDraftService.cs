using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy.Readability;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>
/// The officer's draft of the next notice: opened, saved (a ledger entry each time; a revision number keeps two
/// officers from overwriting each other) and published through <see cref="CatalogPublisher"/> as version N+1,
/// in one transaction with the draft and the ledger. Publishing needs a note on what changed, and a recorded reason
/// while any language's first layer fails the readability meter.
/// </summary>
public sealed class NoticeDraftService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, CatalogPublisher publisher, TimeProvider time)
{
    public async Task<NoticeWorkspace?> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PublishedCatalog.ReadAsync(db, cancellationToken) is not var (number, published))
        {
            return null;
        }

        var draft = await db.NoticeDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.BasedOn == number, cancellationToken);
        return draft is null
            ? new NoticeWorkspace(number, published, published, 0, null)
            : new NoticeWorkspace(number, published, CatalogDocument.FromJson(draft.Content), draft.Revision, draft.SavedAt);
    }

    public async Task<NoticeSaveResult> SaveAsync(CatalogDocument draft, int basedOn, int revision, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.Kind != ActorKind.Staff)
        {
            return NoticeSaveResult.Refused(NoticeSaveOutcome.NotAllowed, revision);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (await PublishedCatalog.ReadAsync(db, cancellationToken) is not var (number, published))
        {
            return NoticeSaveResult.Refused(NoticeSaveOutcome.NothingPublished, revision);
        }

        if (NoticeDraftRules.Check(published, draft) is { Count: > 0 } problems)
        {
            return new NoticeSaveResult(NoticeSaveOutcome.Invalid, revision, problems);
        }

        var row = await db.NoticeDrafts.FirstOrDefaultAsync(d => d.BasedOn == basedOn, cancellationToken);
        if (number != basedOn || (row?.Revision ?? 0) != revision || row?.PublishedAs is not null)
        {
            return NoticeSaveResult.Refused(NoticeSaveOutcome.Conflict, revision);
        }

        var changes = CatalogEdits.Changes(row is null ? published : CatalogDocument.FromJson(row.Content), draft);
        if (changes.Count == 0)
        {
            return NoticeSaveResult.Refused(NoticeSaveOutcome.Unchanged, revision);
        }

        row = Keep(db, row, basedOn, draft, officer);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.NoticeDraftSaved, officer with { Reason = null }, null, ChangeSource.Web, basedOn,
            Detail: $"revision:{row.Revision.ToString(CultureInfo.InvariantCulture)};{string.Join(",", changes)}"), cancellationToken);
        return await db.TryCommitAsync(tx, cancellationToken)
            ? new NoticeSaveResult(NoticeSaveOutcome.Saved, row.Revision, [])
            : NoticeSaveResult.Refused(NoticeSaveOutcome.Conflict, revision);
    }

    public async Task<NoticePublishResult> PublishAsync(NoticePublishRequest request, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officer);
        var verdicts = FirstLayer.Judge(request.Draft);
        var failing = verdicts.Where(v => !v.Passes).ToList();
        NoticePublishResult Refused(NoticePublishOutcome outcome, params string[] problems) => new(outcome, null, problems, verdicts);
        if (officer.Kind != ActorKind.Staff)
        {
            return Refused(NoticePublishOutcome.NotAllowed);
        }

        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Refused(NoticePublishOutcome.NoteRequired);
        }

        if (request.Note.Length > NoticeDraft.NoteMaxLength || request.ReadabilityOverride?.Length > NoticeDraft.NoteMaxLength)
        {
            return Refused(NoticePublishOutcome.TooLong);
        }

        if (failing.Count > 0 && string.IsNullOrWhiteSpace(request.ReadabilityOverride))
        {
            return Refused(NoticePublishOutcome.ReadabilityFails);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (await PublishedCatalog.ReadAsync(db, cancellationToken) is not var (number, published))
        {
            return Refused(NoticePublishOutcome.NothingPublished);
        }

        if (NoticeDraftRules.Check(published, request.Draft) is { Count: > 0 } shape)
        {
            return Refused(NoticePublishOutcome.Invalid, [.. shape]);
        }

        var row = await db.NoticeDrafts.FirstOrDefaultAsync(d => d.BasedOn == request.BasedOn, cancellationToken);
        if (number != request.BasedOn || (row?.Revision ?? 0) != request.Revision || row?.PublishedAs is not null)
        {
            return Refused(NoticePublishOutcome.Conflict);
        }

        int version;
        try
        {
            version = await publisher.PublishAsync(
                db, NoticeDraftRules.ToPublish(published, request.Draft, request.MaterialChanges), officer with { Reason = request.Note.Trim() }, cancellationToken);
        }
        catch (CatalogException error)
        {
            return Refused(NoticePublishOutcome.Invalid, [.. error.Problems]);
        }

        Keep(db, row, request.BasedOn, request.Draft, officer).PublishedAs = version;
        if (failing.Count > 0)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.NoticeReadabilityOverridden, officer with { Reason = request.ReadabilityOverride!.Trim() }, null, ChangeSource.Web, version,
                Detail: string.Join(";", failing.Select(Describe))), cancellationToken);
        }

        return await db.TryCommitAsync(tx, cancellationToken)
            ? new NoticePublishResult(NoticePublishOutcome.Published, version, [], verdicts)
            : Refused(NoticePublishOutcome.Conflict);
    }

    // The stored draft takes the new text and a new revision; EF's concurrency token refuses it if another save won the race.
    private NoticeDraft Keep(AppDbContext db, NoticeDraft? row, int basedOn, CatalogDocument draft, Actor officer)
    {
        if (row is null)
        {
            row = new NoticeDraft { BasedOn = basedOn, Content = draft.ToJson(), SavedBy = officer.Id };
            db.NoticeDrafts.Add(row);
        }

        row.Content = draft.ToJson();
        row.Revision++;
        row.SavedAt = time.GetUtcNowToMillisecond();
        row.SavedBy = officer.Id;
        return row;
    }

    private static string Describe(FirstLayerVerdict verdict) => string.Create(
        CultureInfo.InvariantCulture, $"{verdict.Language}:{verdict.Reading.Formula} {verdict.Reading.Score:0.0}, {verdict.Words} words");
}

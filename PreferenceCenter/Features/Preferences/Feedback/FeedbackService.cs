using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Preferences.Feedback;

/// <summary>
/// Takes "you contact me too often" and "not relevant" feedback, and sums it up for privacy officers. The words are
/// stored encrypted with the customer's key, so erasure leaves none readable; officers see them decrypted.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time, PersonalDataProtector protector)
{
    public const int RecentCommentCount = 20;

    public async Task<PreferenceChangeResult> SendAsync(Guid customerId, FeedbackDraft draft, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken) ?? FeedbackRules.Check(draft);
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        var now = time.GetUtcNowToMillisecond();
        var comment = FreeTextRules.Normalise(draft.Comment);
        db.Feedback.Add(new Feedback
        {
            CustomerId = customerId, TooOften = draft.TooOften, NotRelevant = draft.NotRelevant,
            Channel = draft.Channel, Comment = await protector.ProtectAsync(customerId, comment, cancellationToken), ReceivedAt = now,
        });
        // The ledger records what kind of feedback it was, never the words.
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.FeedbackGiven, actor, customerId, source, Channel: draft.Channel,
            After: FeedbackKinds(draft), Detail: comment is null ? null : "with-comment"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return PreferenceChangeResult.Saved(now);
    }

    public async Task<FeedbackSummary> SummarizeAsync(TimeSpan period, CancellationToken cancellationToken = default)
    {
        var from = time.GetUtcNow() - period;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recent = db.Feedback.AsNoTracking().Where(f => f.ReceivedAt >= from);
        var counts = await recent.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            TooOften = g.Count(f => f.TooOften),
            NotRelevant = g.Count(f => f.NotRelevant),
            WithComment = g.Count(f => f.Comment != null),
        }).FirstOrDefaultAsync(cancellationToken);
        var byChannel = await recent.Where(f => f.TooOften && f.Channel != null)
            .GroupBy(f => f.Channel!.Value).Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Channel, x => x.Count, cancellationToken);
        // Newest first; among words received in the same millisecond, the later row (a store gives ties no order of its own).
        var sealedComments = await recent.Where(f => f.Comment != null).OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Select(f => new SealedComment(f.CustomerId, f.Comment!)).Take(RecentCommentCount).ToListAsync(cancellationToken);
        var comments = await DecryptAsync(sealedComments, cancellationToken);
        return new FeedbackSummary(from, counts?.Total ?? 0, counts?.TooOften ?? 0, counts?.NotRelevant ?? 0, counts?.WithComment ?? 0, byChannel, comments);
    }

    /// <summary>The words in the same order, one key read per customer; a customer erased meanwhile has no words left to show.</summary>
    private async Task<List<string>> DecryptAsync(List<SealedComment> sealedComments, CancellationToken cancellationToken)
    {
        var plain = new Dictionary<SealedComment, string>();
        foreach (var group in sealedComments.GroupBy(c => c.CustomerId))
        {
            using var cipher = await protector.ForReadingAsync(group.Key, cancellationToken);
            foreach (var comment in group.Where(_ => cipher is not null))
            {
                plain[comment] = cipher!.Unprotect(comment.Comment)!;
            }
        }

        return [.. sealedComments.Where(plain.ContainsKey).Select(c => plain[c])];
    }

    private sealed record SealedComment(Guid CustomerId, string Comment);

    private static string? FeedbackKinds(FeedbackDraft draft) =>
        (draft.TooOften, draft.NotRelevant) switch
        {
            (true, true) => "too-often,not-relevant",
            (true, false) => "too-often",
            (false, true) => "not-relevant",
            _ => null,
        };
}

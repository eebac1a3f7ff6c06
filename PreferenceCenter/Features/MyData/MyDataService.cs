using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.MyData;

/// <summary>
/// Gathers everything held about a customer (Art. 15 access, Art. 20 portability): profile, consents with their
/// history, answers, contact rules, feedback and erasure requests. A download is recorded in the ledger.
/// </summary>
public sealed class MyDataService(
    IDbContextFactory<AppDbContext> dbFactory,
    LedgerWriter ledger,
    TimeProvider time,
    PrivacyNoticeService notices,
    ErasureRequestReader erasureRequests,
    AnswerService answers,
    ContactRulesService contactRules,
    MyDataProfiles profiles,
    PersonalDataProtector protector,
    IOptions<ControllerOptions> controllerOptions,
    IStringLocalizer<SharedResource> text)
{
    private static readonly LedgerEventType[] ConsentEvents =
    [
        LedgerEventType.ConsentGranted, LedgerEventType.ConsentWithdrawn, LedgerEventType.ConsentPendingConfirmation,
        LedgerEventType.ConsentConfirmed, LedgerEventType.ConsentExpired, LedgerEventType.ConsentRenewed,
        LedgerEventType.ConsentConfirmationLapsed,
    ];

    /// <summary>What the page shows; reading it records nothing.</summary>
    public async Task<MyDataExport?> GetAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var profile = await profiles.GetAsync(customerId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var now = time.GetUtcNowToMillisecond();
        return new MyDataExport(
            MyDataExport.CurrentFormat, now, profile,
            await ConsentsAsync(customerId, culture, now, cancellationToken),
            await AnswersAsync(customerId, culture, cancellationToken),
            // Channels left "as it happens, not paused" hold nothing the customer set.
            [.. (await contactRules.GetAsync(customerId, cancellationToken)).Values
                .Where(r => r != ContactRuleView.Default(r.Channel)).OrderBy(r => r.Channel)
                .Select(r => new ContactRuleRecord(r.Channel.ToString(), r.Frequency.ToString(), r.PausedUntil))],
            await FeedbackAsync(customerId, cancellationToken),
            await ErasureRequestsAsync(customerId, cancellationToken));
    }

    /// <summary>The download: the same content, with a ledger entry saying the customer took a copy.</summary>
    public async Task<MyDataExport?> ExportAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var export = await GetAsync(customerId, culture, cancellationToken);
        if (export is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.PersonalDataExported, Actor.Customer(customerId), customerId, ChangeSource.Web, Detail: "json"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return export;
    }

    private async Task<IReadOnlyList<ConsentRecord>> ConsentsAsync(Guid customerId, CultureInfo culture, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notice = await notices.GetCurrentAsync(culture, cancellationToken);
        var purposes = notice?.Purposes.ToDictionary(p => p.Key) ?? [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { p.Key, Consent = c })
            .ToListAsync(cancellationToken);
        var events = (await db.LedgerEntries.AsNoTracking()
                .Where(e => e.SubjectId == customerId && ConsentEvents.Contains(e.EventType))
                .OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .ToLookup(e => (e.PurposeKey, e.Channel));
        // The company the notice names, not the sender name of our emails ("PreferenceCenter").
        var controller = new PiiController(controllerOptions.Value.Name, controllerOptions.Value.Contact);
        return [.. consents.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Consent.Channel).Select(c =>
        {
            var purpose = purposes.GetValueOrDefault(c.Key);
            return new ConsentRecord(
                FormattableString.Invariant($"{customerId:N}/{c.Key}/{c.Consent.Channel}"),
                customerId,
                new ConsentNoticeReference(FormattableString.Invariant($"notice/{c.Consent.NoticeVersion}"), c.Consent.NoticeVersion, notice?.Culture ?? culture.TwoLetterISOLanguageName),
                new ConsentProcessing(
                    c.Key, purpose?.Title ?? c.Key, purpose?.DataUsed ?? string.Empty, controller,
                    purpose?.RecipientName is { } recipient ? [recipient] : [],
                    (purpose?.LegalBasis ?? LegalBasis.Consent).ToString(), purpose?.Retention ?? string.Empty, purpose?.ValidityMonths),
                c.Consent.Channel.ToString(),
                ConsentRules.StateLabel(c.Consent, now),
                ConsentRules.IsOn(c.Consent, now) ? c.Consent.ExpiresAt : null,
                text["MyData.HowToWithdraw"],
                [.. events[(c.Key, c.Consent.Channel)].Select(e => new ConsentEventRecord(
                    e.OccurredAt, ConsentVocabulary.State(e), ConsentVocabulary.Method(e.Source), ConsentVocabulary.ExpressedBy(e.ActorKind), e.NoticeVersion))]);
        })];
    }

    private async Task<IReadOnlyList<AnswerRecord>> AnswersAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var questionnaire = await answers.GetQuestionnaireAsync(customerId, culture, cancellationToken);
        return [.. questionnaire.Questions.Concat(questionnaire.Retired).Where(q => q.Answer is not null).Select(q => new AnswerRecord(
            q.Key, q.Prompt, q.PurposeKey,
            q.Answer!.Text is { } words ? [words] : [.. q.Answer.Choices.Select(key => q.Options.FirstOrDefault(o => o.Key == key)?.Label ?? key)],
            q.Answer.AnsweredAt, q.AnswersInUse))];
    }

    private async Task<IReadOnlyList<FeedbackRecord>> FeedbackAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Feedback.AsNoTracking().Where(f => f.CustomerId == customerId).OrderBy(f => f.ReceivedAt).ToListAsync(cancellationToken);
        // The customer's own words are stored sealed with their key.
        using var cipher = rows.Any(f => f.Comment is not null) ? await protector.ForReadingAsync(customerId, cancellationToken) : null;
        return [.. rows.Select(f => new FeedbackRecord(f.ReceivedAt, f.TooOften, f.NotRelevant, f.Channel?.ToString(), cipher?.Unprotect(f.Comment)))];
    }

    private async Task<IReadOnlyList<ErasureRequestRecord>> ErasureRequestsAsync(Guid customerId, CancellationToken cancellationToken) =>
        [.. (await erasureRequests.ListAsync(customerId, cancellationToken)).OrderBy(r => r.Id)
            .Select(r => new ErasureRequestRecord(r.Id, r.State.ToString(), r.RequestedAt, r.DueAt, r.RejectionReason))];
}

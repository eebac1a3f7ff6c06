using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// Everything the support console does, each method checking the caller's role itself (not only the page): find a
/// customer, read their data masked, reveal a value with a logged justification, change a consent on their behalf,
/// file an erasure request for them (deciding and executing it stays with the privacy officer's queue).
/// </summary>
public sealed partial class SupportConsoleService(
    IAuthorizationService authorization,
    SupportCustomerSearch search,
    CustomerContactReader contacts,
    IDbContextFactory<AppDbContext> dbFactory,
    LedgerWriter ledger,
    ConsentService consents,
    ContactRulesService contactRules,
    AnswerService answers,
    HistoryService history,
    OnBehalfNotifier notifier,
    ErasureRequestReader erasureRequests,
    ErasureRequestService erasure,
    TimeProvider time,
    ILogger<SupportConsoleService> logger)
{
    public async Task<SupportSearchResult> SearchAsync(ClaimsPrincipal staff, string? typed, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandStaffAsync(staff);
        var (identifier, problem) = SupportSearchRules.Parse(typed);
        if (identifier is null)
        {
            return SupportSearchResult.Refused(problem!.Value);
        }

        var customer = await search.FindAsync(identifier, cancellationToken);
        if (customer is null)
        {
            return SupportSearchResult.Refused(SupportProblem.NotFound);
        }

        // Finding someone reads who they are: recorded like any other reading of personal data.
        await RecordAsync(new LedgerDraft(LedgerEventType.CustomerLookedUp, Actor.Staff(staffId), customer.Id, ChangeSource.Support,
            Detail: identifier.LedgerValue), cancellationToken);
        return SupportSearchResult.Found(await SummarizeAsync(customer, cancellationToken));
    }

    /// <summary>The customer a reference names (as typed in the address), masked; null when there is none.</summary>
    public async Task<SupportCustomerSummary?> GetCustomerAsync(ClaimsPrincipal staff, string? reference, CancellationToken cancellationToken = default)
    {
        await DemandStaffAsync(staff);
        var (identifier, _) = SupportSearchRules.Parse(reference);
        if (identifier is not { Kind: SupportIdentifierKind.Reference })
        {
            return null;
        }

        var customer = await search.FindAsync(identifier, cancellationToken);
        return customer is null ? null : await SummarizeAsync(customer, cancellationToken);
    }

    /// <summary>
    /// The customer's record for an agent. Reading it is recorded (who, whose, when) and shown in the customer's
    /// history: once per visit, so the page's two renders and its refreshes after each change make one entry.
    /// </summary>
    public async Task<SupportCustomerDetails> GetDetailsAsync(ClaimsPrincipal staff, Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandStaffAsync(staff);
        await RecordViewAsync(staffId, customerId, cancellationToken);
        var questionnaire = await answers.GetQuestionnaireAsync(customerId, culture, cancellationToken);
        var answered = questionnaire.Questions.Concat(questionnaire.Retired)
            .Where(q => q.Answer is not null)
            .Select(q => new SupportAnswer(
                q.Prompt,
                [.. q.Options.Where(o => q.Answer!.Choices.Contains(o.Key)).Select(o => o.Label)],
                PersonalDataMasker.MaskFreeText(q.Answer!.Text),
                q.Answer.AnsweredAt))
            .ToList();
        return new SupportCustomerDetails(
            await consents.GetCellsAsync(customerId, cancellationToken),
            await contactRules.GetAsync(customerId, cancellationToken),
            answered,
            await history.GetPageAsync(customerId, 1, cancellationToken: cancellationToken),
            await erasureRequests.GetOpenAsync(customerId, cancellationToken));
    }

    /// <summary>
    /// Files an erasure request for the customer through the erasure workflow's own entry point, with the agent, the
    /// request channel and the reason (how the agent checked the customer's identity) in the ledger. The customer
    /// still confirms by the emailed link, and only the privacy officer approves and executes it.
    /// </summary>
    public async Task<SupportErasureResult> FileErasureAsync(
        ClaimsPrincipal staff, Guid customerId, OnBehalfRequest request, Uri confirmPage, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandStaffAsync(staff);
        if ((Problem(request) ?? await StatusAsync(customerId, cancellationToken)) is { } problem)
        {
            return SupportErasureResult.Refused(problem);
        }

        return SupportErasureResult.From(await erasure.FileOnBehalfAsync(customerId, OnBehalfRules.ActorFor(staffId, request), confirmPage, cancellationToken));
    }

    /// <summary>Shows one full value after recording who read it and why; nothing is recorded when it is refused.</summary>
    public async Task<RevealResult> RevealAsync(
        ClaimsPrincipal staff, Guid customerId, PersonalDataKind kind, string? justification, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandStaffAsync(staff);
        if (JustificationProblem(justification) is { } problem)
        {
            return RevealResult.Refused(problem);
        }

        if (await StatusAsync(customerId, cancellationToken) is { } refused)
        {
            return RevealResult.Refused(refused);
        }

        var contact = await contacts.GetAsync(customerId, cancellationToken);
        var value = kind == PersonalDataKind.Email ? contact.Email : contact.Phone;
        if (string.IsNullOrWhiteSpace(value))
        {
            return RevealResult.Refused(SupportProblem.NothingOnFile);
        }

        await RecordAsync(new LedgerDraft(LedgerEventType.PersonalDataRevealed, Actor.Staff(staffId, justification!.Trim()), customerId,
            ChangeSource.Support, Detail: kind.ToString().ToLowerInvariant()), cancellationToken);
        return RevealResult.Shown(value);
    }

    /// <summary>
    /// Turns one consent on or off for the customer through <see cref="ConsentService"/>, with the agent, the request
    /// channel and the reason in the ledger; then emails the customer what was done, with a link to their history.
    /// </summary>
    public async Task<OnBehalfResult> SetConsentAsync(
        ClaimsPrincipal staff, Guid customerId, OnBehalfRequest request, ConsentToggle toggle, Uri historyLink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toggle);
        var staffId = await DemandStaffAsync(staff);
        if ((Problem(request) ?? await StatusAsync(customerId, cancellationToken)) is { } problem)
        {
            return OnBehalfResult.Refused(problem);
        }

        var actor = OnBehalfRules.ActorFor(staffId, request);
        var result = await consents.SetAsync(new ConsentChange(
            customerId, toggle.PurposeKey, toggle.Channel, toggle.TurnOn, toggle.SeenVersion, actor, ChangeSource.Support), cancellationToken);
        if (result.Outcome == ConsentChangeOutcome.Saved)
        {
            await NotifyAsync(customerId, toggle, actor, result.Current!.ChangedAt!.Value, historyLink, cancellationToken);
        }

        return OnBehalfResult.From(result);
    }

    private async Task NotifyAsync(Guid customerId, ConsentToggle toggle, Actor actor, DateTimeOffset at, Uri historyLink, CancellationToken cancellationToken)
    {
        var change = new HistoryItem(0, at, toggle.TurnOn ? LedgerEventType.ConsentGranted : LedgerEventType.ConsentWithdrawn,
            ActorKind.Staff, ChangeSource.Support, toggle.PurposeKey, toggle.Channel, actor.Reason, actor.RequestChannel, null);
        try
        {
            await notifier.NotifyAsync(customerId, change, historyLink, cancellationToken);
        }
#pragma warning disable CA1031 // The change is committed; a mail server being down must not report it as failed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogNoticeFailed(logger, e, customerId);
        }
    }

    private async Task<string> DemandStaffAsync(ClaimsPrincipal staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!(await authorization.AuthorizeAsync(staff, Policies.SupportAgent)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only support staff and privacy officers may use the support console.");
        }

        return staff.GetUserId();
    }

    /// <summary>The one rule of acting for a customer, in the console's words (each has its own message).</summary>
    private static SupportProblem? Problem(OnBehalfRequest request) => OnBehalfRules.Check(request) switch
    {
        null => null,
        OnBehalfProblem.MissingChannel => SupportProblem.MissingChannel,
        OnBehalfProblem.UnknownChannel => SupportProblem.UnknownChannel,
        OnBehalfProblem.MissingReason => SupportProblem.MissingReason,
        OnBehalfProblem.ReasonHasControlCharacter => SupportProblem.ReasonHasControlCharacter,
        _ => SupportProblem.ReasonTooLong,
    };

    /// <summary>A reveal's justification obeys the same bounds as a reason: it is stored in the same ledger field.</summary>
    private static SupportProblem? JustificationProblem(string? justification) => OnBehalfRules.CheckReason(justification) switch
    {
        null => null,
        OnBehalfProblem.MissingReason => SupportProblem.MissingJustification,
        OnBehalfProblem.ReasonHasControlCharacter => SupportProblem.JustificationHasControlCharacter,
        _ => SupportProblem.JustificationTooLong,
    };

    private async Task<SupportProblem?> StatusAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var status = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            null => SupportProblem.UnknownCustomer,
            CustomerStatus.Active => null,
            _ => SupportProblem.CustomerErased,
        };
    }

    private async Task<SupportCustomerSummary> SummarizeAsync(Customer customer, CancellationToken cancellationToken)
    {
        var contact = await contacts.GetAsync(customer.Id, cancellationToken);
        return new SupportCustomerSummary(customer.Id, customer.Reference, customer.Status,
            PersonalDataMasker.MaskEmail(contact.Email), PersonalDataMasker.MaskPhone(contact.Phone));
    }

    private async Task RecordViewAsync(string staffId, Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        // Read inside the write transaction: two renders racing still make one entry.
        var last = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SubjectId == customerId && e.EventType == LedgerEventType.CustomerRecordViewed && e.ActorId == staffId)
            .OrderByDescending(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { } seen && time.GetUtcNow() - seen < SupportReadRules.OneVisit)
        {
            return;
        }

        await ledger.AppendAsync(db, new LedgerDraft(LedgerEventType.CustomerRecordViewed, Actor.Staff(staffId), customerId, ChangeSource.Support,
            Detail: "record"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private async Task RecordAsync(LedgerDraft draft, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        await ledger.AppendAsync(db, draft, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change made for customer {CustomerId} is saved, but the email telling them could not be sent.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, Guid customerId);
}

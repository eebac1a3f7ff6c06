using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Compliance;

/// <summary>
/// The officer extends an erasure request's deadline (<see cref="DeadlineExtensionRules"/>): the new date and the
/// ledger entry commit together; the customer is emailed the reason and the new date, in the language they asked in,
/// after commit. The policy is checked here too, not only by the page.
/// </summary>
public sealed class ErasureDeadlineService(
    IAuthorizationService authorization, IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time,
    ErasureAccounts accounts, IEmailTransport transport, MailComposer composer, IStringLocalizer<SharedResource> text)
{
    public async Task<DeadlineExtensionOutcome> ExtendAsync(
        ClaimsPrincipal officer, int requestId, int months, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (!(await authorization.AuthorizeAsync(officer, Policies.PrivacyOfficer)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only privacy officers may extend an erasure deadline.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var request = await db.ErasureRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return DeadlineExtensionOutcome.NotFound;
        }

        var now = time.GetUtcNowToMillisecond();
        if (DeadlineExtensionRules.Check(request, months, reason, now) is { } problem)
        {
            return problem;
        }

        var before = request.DueAt;
        request.DueAt = before.AddMonths(months);
        request.DeadlineExtendedAt = now;
        request.DeadlineExtensionReason = reason!.Trim();
        request.Version++;
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ErasureDeadlineExtended, Actor.Staff(officer.GetUserId(), reason: request.DeadlineExtensionReason), request.CustomerId,
            ChangeSource.Web, Before: LedgerTime.Format(before), After: LedgerTime.Format(request.DueAt),
            Detail: $"request:{request.Id.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
        if (!await db.TryCommitAsync(tx, cancellationToken))
        {
            return DeadlineExtensionOutcome.Conflict;
        }

        if (await accounts.EmailOfAsync(request.CustomerId, cancellationToken) is { } to)
        {
            await transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(request.Culture), c => composer.Compose(
                to, text["Compliance.Extension.Email.Subject"],
                text["Compliance.Extension.Email.Intro", TimeFormat.Date(request.DueAt, c), request.DeadlineExtensionReason])), cancellationToken);
        }

        return DeadlineExtensionOutcome.Extended;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The erasure's last email: what was erased, what was kept and why. The executor reads the address when the erasure
/// starts (the steps delete it) and holds it only in memory; the mail goes once the sign-in is deleted and before the
/// key is destroyed. Best effort: a failure is logged and recorded (<see cref="LedgerEventType.ErasureCompletionEmailed"/>,
/// "failed"), and never blocks, delays past <see cref="SendTimeout"/> or undoes the erasure.
/// </summary>
public sealed partial class ErasureCompletionNotice(
    IDbContextFactory<AppDbContext> dbFactory, AccountSealer accounts, IEmailTransport transport, MailComposer composer,
    IStringLocalizer<SharedResource> text, LedgerWriter ledger, ILogger<ErasureCompletionNotice> logger)
{
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>How long the mail server may take before the erasure goes on without it.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where to write, or null: no sign-in address left, or the email already went (a resumed erasure), or another
    /// run alongside has destroyed the account's key since (it is past the email; this run only finishes after it).
    /// </summary>
    public async Task<MailRecipient?> FindRecipientAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var emailed = await db.LedgerEntries.AnyAsync(
            e => e.SubjectId == customerId && e.EventType == LedgerEventType.ErasureCompletionEmailed, cancellationToken);
        try
        {
            return emailed ? null : await MailRecipient.FindAsync(db, accounts, customerId, cancellationToken);
        }
        catch (PersonalDataUnreadableException)
        {
            return null;
        }
    }

    /// <summary>Sends the email and records whether it went; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task SendAsync(MailRecipient recipient, Guid customerId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var outcome = Sent;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SendTimeout);
            var message = MailComposer.InLanguage(CultureInfo.GetCultureInfo(recipient.Culture), _ => composer.ComposeParagraphs(
                recipient.Address, text["Erasure.Email.Done.Subject"],
                [text["Erasure.Email.Done.Erased"], text["Erasure.Email.Done.KeptSuppression"], text["Erasure.Email.Done.KeptLedger"], text["Erasure.Email.Done.Last"]]));
            await transport.SendAsync(message, timeout.Token);
        }
#pragma warning disable CA1031 // The erasure goes on whatever the mail server does; the failure is logged and recorded.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogNotSent(logger, customerId, e);
            outcome = Failed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ErasureCompletionEmailed, actor, customerId, ChangeSource.Erasure, Detail: outcome), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The erasure-completed email to customer {CustomerId} was not sent; the erasure goes on.")]
    private static partial void LogNotSent(ILogger logger, Guid customerId, Exception exception);
}

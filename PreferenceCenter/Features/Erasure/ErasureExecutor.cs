using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// Erases a customer: suppression fingerprints → personal rows → sign-in account → their keys (customer's and account's) → status Erased →
/// storage scrubbed. Each step commits with its ledger entry and the progress row in one transaction, so a crash
/// between steps loses nothing and a new call carries on from the next step; a call after completion does nothing.
/// The pseudonymous customer row, its consents and the ledger stay, so the proof of consent still verifies.
/// Once the sign-in is deleted and before the key goes, <see cref="ErasureCompletionNotice"/> emails the address read at
/// the start (best effort: it never stops the erasure), from the one run that deleted the sign-in, so two runs at once
/// send it once.
/// </summary>
public sealed class ErasureExecutor(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time, ErasureSteps steps, CustomerKeyStore keys,
    AccountSealer accounts, ErasureCompletionNotice? notice = null)
{
    /// <summary>Test seam: runs after each committed step, so a test can stop the erasure between any two steps.</summary>
    internal Func<ErasureStep, Task>? AfterStep { get; init; }

    public async Task<ErasureResult> ExecuteAsync(Guid customerId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var progress = await StartAsync(customerId, cancellationToken);
        if (progress is null)
        {
            return ErasureResult.UnknownCustomer;
        }

        if (progress.CompletedAt is { } completedAt)
        {
            return ErasureResult.AlreadyErased(completedAt);
        }

        // Read now: the steps below delete the address. Held in memory only, never written anywhere.
        var recipient = notice is null ? null : await notice.FindRecipientAsync(customerId, cancellationToken);
        await RunAsync(customerId, ErasureStep.SuppressionWritten, actor, steps.WriteSuppressionAsync, cancellationToken);
        await RunAsync(customerId, ErasureStep.PersonalRowsDeleted, actor, steps.DeletePersonalRowsAsync, cancellationToken);
        // Only the run that deleted the sign-in writes: two runs at once (an officer's "run now" while the job resumes
        // the request on another instance) both read the address, and the customer must get the email once.
        if (await RunAsync(customerId, ErasureStep.SignInDeleted, actor, ErasureSteps.DeleteSignInAsync, cancellationToken) && recipient is not null)
        {
            await notice!.SendAsync(recipient, customerId, actor, cancellationToken);
        }

        await RunAsync(customerId, ErasureStep.KeyDestroyed, actor, async (db, id, ct) =>
        {
            // Outside the transaction (another database); idempotent, so a crash before the entry commits just repeats it.
            // The account's key (its sealed user name and email) goes too; the customer row still names the account here.
            var accountId = await db.Customers.Where(c => c.Id == id).Select(c => c.UserId).SingleAsync(ct);
            if (accountId is not null)
            {
                await accounts.DestroyKeyAsync(accountId, ct);
            }

            var destroyed = await keys.DestroyAsync(id, ct);
            return destroyed ? "destroyed" : "no-key";
        }, cancellationToken);
        await RunAsync(customerId, ErasureStep.CustomerErased, actor, steps.MarkErasedAsync, cancellationToken);
        await RunAsync(customerId, ErasureStep.StorageForgotten, actor, async (_, _, ct) =>
        {
            // VACUUM (and on SQLite the checkpoint) run outside any transaction; the entry is written after, and a rerun repeats them.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await steps.ForgetStorageAsync(db, ct);
            return null;
        }, cancellationToken);

        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var done = await read.ErasureProgress.AsNoTracking().SingleAsync(p => p.CustomerId == customerId, cancellationToken);
        return ErasureResult.Erased(done.CompletedAt);
    }

    private async Task<ErasureProgress?> StartAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var progress = await db.ErasureProgress.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        if (progress is null)
        {
            progress = db.ErasureProgress.Add(new ErasureProgress { CustomerId = customerId, StartedAt = time.GetUtcNowToMillisecond() }).Entity;
            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return progress;
    }

    /// <summary>
    /// Runs one step unless it is already done: in the transaction, the step's change (or, for steps that act
    /// elsewhere, the record that it was done), its ledger entry and the progress row commit together.
    /// </summary>
    /// <returns>True when this call did the step; false when it was done already, by an earlier run or one alongside.</returns>
    private async Task<bool> RunAsync(
        Guid customerId, ErasureStep step, Actor actor, Func<AppDbContext, Guid, CancellationToken, Task<string?>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ErasureProgress.AnyAsync(p => p.CustomerId == customerId && p.LastCompletedStep >= step, cancellationToken))
        {
            return false;
        }

        var sideEffect = step is ErasureStep.KeyDestroyed or ErasureStep.StorageForgotten;
        var sideDetail = sideEffect ? await change(db, customerId, cancellationToken) : null;

        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var progress = await db.ErasureProgress.SingleAsync(p => p.CustomerId == customerId, cancellationToken);
        if (progress.LastCompletedStep >= step)
        {
            // Another executor finished this step while we waited for the write lock.
            return false;
        }

        var detail = sideEffect ? sideDetail : await change(db, customerId, cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        await ledger.AppendAsync(db, new LedgerDraft(
            ErasureEvents.For(step), actor, customerId, ChangeSource.Erasure, Detail: detail), cancellationToken);
        progress.LastCompletedStep = step;
        if (step == ErasureStep.StorageForgotten)
        {
            progress.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (AfterStep is not null)
        {
            await AfterStep(step);
        }

        return true;
    }
}

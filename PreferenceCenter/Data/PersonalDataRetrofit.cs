using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Data;

/// <summary>
/// Brings data written before per-customer encryption up to date, once, at start-up (idempotent; a no-op on a new
/// database): Identity's upper-case lookup copies become blind-index hashes, each customer gets an encrypted profile
/// holding their email and the phone moved out of Identity's plaintext column, Identity's own user name and email are
/// sealed with the account's key (<see cref="AccountSealer"/>), and plaintext answers and feedback words are sealed.
/// Storage changes only, so no ledger entries. On SQLite every connection has secure_delete on, so the old plaintext
/// cells are zeroed as they are rewritten; on PostgreSQL an UPDATE leaves the old row version (and its index entries)
/// in the table's files, so a run that changed anything rewrites the tables it changed with <c>VACUUM FULL</c>, as
/// erasure does, once older transactions are gone (ADR 0015).
/// </summary>
public sealed class PersonalDataRetrofit(
    IDbContextFactory<AppDbContext> dbFactory, PersonalDataProtector protector, AccountSealer accounts, ILookupNormalizer normalizer,
    BlindIndex index, CustomerProfileService profiles, TimeProvider time, ILogger<PersonalDataRetrofit> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var legacyUsers = await db.Users.Where(u => EF.Functions.Like(u.NormalizedEmail!, "%@%") || EF.Functions.Like(u.NormalizedUserName!, "%@%")).ToListAsync(cancellationToken);
        foreach (var user in legacyUsers)
        {
            user.NormalizedEmail = normalizer.NormalizeEmail(await accounts.OpenAsync(user.Id, user.Email, cancellationToken));
            user.NormalizedUserName = normalizer.NormalizeName(await accounts.OpenAsync(user.Id, user.UserName, cancellationToken));
        }

        var withoutProfile = await (from c in db.Customers
                                    join u in db.Users on c.UserId equals u.Id
                                    where c.Status == CustomerStatus.Active && !db.CustomerProfiles.Any(p => p.CustomerId == c.Id)
                                    select new { c.Id, User = u }).ToListAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        foreach (var item in withoutProfile)
        {
            using var cipher = await protector.ForWritingAsync(item.Id, cancellationToken);
            var email = await accounts.OpenAsync(item.User.Id, item.User.Email, cancellationToken);
            var profile = profiles.NewProfile(cipher, email ?? string.Empty, now);
            profile.Phone = cipher.Protect(item.User.PhoneNumber);
            profile.PhoneIndex = index.OfPhone(item.User.PhoneNumber);
            db.CustomerProfiles.Add(profile);
            item.User.PhoneNumber = null;
            item.User.PhoneNumberConfirmed = false;
        }

        var changed = legacyUsers.Count + withoutProfile.Count;
        changed += await SealSignInsAsync(db, cancellationToken);
        changed += await SealAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (changed > 0 && db.Database.IsNpgsql())
        {
            // After the commit: VACUUM cannot run in a transaction. Nothing changed, nothing to rewrite (a new database).
            await PostgreSqlRewrite.VacuumFullAsync(db.Database,
                PostgreSqlForgetting.VacuumFull([db.Users.EntityType, db.Answers.EntityType, db.Feedback.EntityType]), logger, cancellationToken);
        }
    }

    /// <summary>Last, since the steps above read the plain values: a sealed value never holds an <c>@</c>, a plain address always does.</summary>
    private async Task<int> SealSignInsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var plain = await db.Users.Where(u => EF.Functions.Like(u.UserName!, "%@%") || EF.Functions.Like(u.Email!, "%@%")).ToListAsync(cancellationToken);
        foreach (var user in plain)
        {
            user.UserName = await accounts.SealAsync(user.Id, user.UserName, cancellationToken);
            user.Email = await accounts.SealAsync(user.Id, user.Email, cancellationToken);
        }

        return plain.Count;
    }

    private async Task<int> SealAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var answers = await db.Answers.Where(a => a.Text != null && !a.Text.StartsWith(ProtectedText.Prefix)).ToListAsync(cancellationToken);
        foreach (var answer in answers)
        {
            answer.Text = await protector.ProtectAsync(answer.CustomerId, answer.Text, cancellationToken);
        }

        var feedback = await db.Feedback.Where(f => f.Comment != null && !f.Comment.StartsWith(ProtectedText.Prefix))
            .Select(f => new { f.Id, f.CustomerId, f.Comment }).ToListAsync(cancellationToken);
        foreach (var item in feedback)
        {
            var sealedComment = await protector.ProtectAsync(item.CustomerId, item.Comment, cancellationToken);
            await db.Feedback.Where(f => f.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Comment, sealedComment), cancellationToken);
        }

        return answers.Count + feedback.Count;
    }
}

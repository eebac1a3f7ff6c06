using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Reads and writes a customer's name, email and phone: encrypted with their key, found through the blind index.
/// Each change writes a <see cref="LedgerEventType.ProfileChanged"/> entry naming the fields, never their values.
/// </summary>
public sealed class CustomerProfileService(
    IDbContextFactory<AppDbContext> dbFactory, PersonalDataProtector protector, BlindIndex index, LedgerWriter ledger, TimeProvider time)
{
    /// <summary>The decrypted profile, or null for an unknown or erased customer (nothing readable is left).</summary>
    public async Task<CustomerProfileView?> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.CustomerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        using var cipher = await protector.ForReadingAsync(customerId, cancellationToken);
        return cipher is null
            ? null
            : new CustomerProfileView(cipher.Unprotect(profile.Name), cipher.Unprotect(profile.Email), cipher.Unprotect(profile.Phone), profile.Version);
    }

    public async Task<ProfileChangeOutcome> UpdateAsync(Guid customerId, ProfileEdit edit, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ProfileRules.Check(edit, out var clean) is { } problem)
        {
            return problem;
        }

        using var cipher = await protector.ForWritingAsync(customerId, cancellationToken);
        return await ChangeAsync(customerId, actor, source, cipher, (profile, changed) =>
        {
            if (clean.Name != cipher.Unprotect(profile.Name))
            {
                profile.Name = cipher.Protect(clean.Name);
                changed.Add("name");
            }

            if (clean.Phone != cipher.Unprotect(profile.Phone))
            {
                profile.Phone = cipher.Protect(clean.Phone);
                profile.PhoneIndex = index.OfPhone(clean.Phone);
                changed.Add("phone");
            }
        }, cancellationToken);
    }

    /// <summary>Records a confirmed new email address (Identity has already checked the confirmation link).</summary>
    public async Task<ProfileChangeOutcome> SetEmailAsync(Guid customerId, string email, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(actor);
        using var cipher = await protector.ForWritingAsync(customerId, cancellationToken);
        var (trimmed, emailIndex) = (email.Trim(), index.OfEmail(email));
        return await ChangeAsync(customerId, actor, source, cipher, (profile, changed) =>
        {
            if (emailIndex != profile.EmailIndex || trimmed != cipher.Unprotect(profile.Email))
            {
                (profile.Email, profile.EmailIndex) = (cipher.Protect(trimmed), emailIndex);
                changed.Add("email");
            }
        }, cancellationToken);
    }

    /// <summary>After Identity confirmed an email change for a sign-in: updates its customer's profile (staff accounts have none).</summary>
    public async Task SetEmailForUserAsync(string userId, string email, CancellationToken cancellationToken = default)
    {
        Guid? customerId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            customerId = await db.Customers.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (customerId is Guid id)
        {
            await SetEmailAsync(id, email, Actor.Customer(id), ChangeSource.EmailLink, cancellationToken);
        }
    }

    /// <summary>A new customer's profile, holding the email they signed up with, for the caller's transaction.</summary>
    public CustomerProfile NewProfile(CustomerCipher cipher, string email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return new CustomerProfile
        {
            CustomerId = cipher.CustomerId, Email = cipher.Protect(email.Trim()), EmailIndex = index.OfEmail(email), ChangedAt = now, Version = 1,
        };
    }

    private async Task<ProfileChangeOutcome> ChangeAsync(
        Guid customerId, Actor actor, ChangeSource source, CustomerCipher cipher, Action<CustomerProfile, List<string>> apply,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken))
        {
            return ProfileChangeOutcome.UnknownCustomer;
        }

        var profile = await db.CustomerProfiles.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken)
            ?? db.CustomerProfiles.Add(new CustomerProfile { CustomerId = cipher.CustomerId }).Entity;
        var changed = new List<string>();
        apply(profile, changed);
        if (changed.Count == 0)
        {
            return ProfileChangeOutcome.Unchanged;
        }

        var now = time.GetUtcNowToMillisecond();
        profile.ChangedAt = now;
        profile.Version++;
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ProfileChanged, actor, customerId, source, Detail: string.Join(',', changed)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return ProfileChangeOutcome.Saved;
    }
}

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
            : new CustomerProfileView(
                cipher.Unprotect(profile.Name), cipher.Unprotect(profile.Email), cipher.Unprotect(profile.Phone), profile.Version, cipher.Unprotect(profile.PostalAddress));
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

    /// <summary>The phone and postal address on file, masked, for a page that says where each channel sends.</summary>
    public async Task<HeldContactDetails> GetHeldDetailsAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        await GetAsync(customerId, cancellationToken) is { } profile
            ? new HeldContactDetails(PersonalDataMasker.MaskPhone(profile.Phone), PersonalDataMasker.MaskPostalAddress(profile.PostalAddress))
            : HeldContactDetails.None;

    /// <summary>
    /// Stores the phone or postal address a channel needs, typed where the customer switched it on. The phone must be
    /// international (<see cref="ContactDetailRules"/>); like every profile change it is sealed and recorded by field name.
    /// </summary>
    public async Task<ProfileChangeOutcome> SetContactDetailAsync(
        Guid customerId, ContactDetail detail, string? value, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Blank removes the detail (from the account page); anything else must meet its rule.
        var (problem, clean) = detail switch
        {
            _ when detail is not (ContactDetail.Phone or ContactDetail.PostalAddress) =>
                throw new ArgumentOutOfRangeException(nameof(detail), detail, "Only a phone or a postal address is typed here."),
            _ when string.IsNullOrWhiteSpace(value) => (null, null),
            ContactDetail.Phone => (ContactDetailRules.CheckPhone(value, out var phone), phone),
            _ => (ContactDetailRules.CheckPostalAddress(value, out var address), (string?)address),
        };
        if (problem is not null)
        {
            return problem.Value;
        }

        using var cipher = await protector.ForWritingAsync(customerId, cancellationToken);
        return await ChangeAsync(customerId, actor, source, cipher, (profile, changed) =>
        {
            if (detail == ContactDetail.Phone && clean != cipher.Unprotect(profile.Phone))
            {
                (profile.Phone, profile.PhoneIndex) = (cipher.Protect(clean), clean is null ? null : index.OfPhone(clean));
                changed.Add("phone");
            }
            else if (detail == ContactDetail.PostalAddress && clean != cipher.Unprotect(profile.PostalAddress))
            {
                profile.PostalAddress = cipher.Protect(clean);
                changed.Add("postal-address");
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

using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>Adds erased addresses to the suppression list and tells sign-up and imports whether an address is on it.</summary>
public sealed class SuppressionList(IDbContextFactory<AppDbContext> dbFactory, PersonalDataKeys keys)
{
    /// <summary>The fingerprints of an email and a phone (either may be null), for the caller to store in its transaction.</summary>
    public IReadOnlyList<Suppression> Fingerprints(string? email, string? phone, DateTimeOffset now)
    {
        var found = new List<Suppression>();
        if (KeyedHash.OfEmail(keys.Suppression, email) is { } emailHash)
        {
            found.Add(new Suppression { Hash = emailHash, Kind = SuppressedContact.Email, SuppressedAt = now });
        }

        if (KeyedHash.OfPhone(keys.Suppression, phone) is { } phoneHash)
        {
            found.Add(new Suppression { Hash = phoneHash, Kind = SuppressedContact.Phone, SuppressedAt = now });
        }

        return found;
    }

    /// <summary>Adds the fingerprints not already listed, in the caller's transaction.</summary>
    public static async Task AddAsync(AppDbContext db, IReadOnlyList<Suppression> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var hashes = fingerprints.Select(f => f.Hash).ToList();
        var listed = await db.Suppressions.Where(s => hashes.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(cancellationToken);
        db.Suppressions.AddRange(fingerprints.Where(f => !listed.Contains(f.Hash)));
    }

    /// <summary>Whether the email or the phone belonged to an erased customer.</summary>
    public async Task<bool> IsSuppressedAsync(string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var hashes = Fingerprints(email, phone, default).Select(f => f.Hash).ToList();
        if (hashes.Count == 0)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suppressions.AnyAsync(s => hashes.Contains(s.Hash), cancellationToken);
    }
}

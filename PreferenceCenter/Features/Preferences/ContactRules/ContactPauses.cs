using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>Pauses as the renewal reminder reads them: the same "paused until a moment still ahead" as <see cref="ContactDecisionRules.IsPaused"/>.</summary>
public sealed class ContactPauses : IContactPauses
{
    public IQueryable<Guid> PausedCustomers(AppDbContext db, Channel channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ContactRules.Where(r => r.Channel == channel && r.PausedUntil > now).Select(r => r.CustomerId);
    }
}

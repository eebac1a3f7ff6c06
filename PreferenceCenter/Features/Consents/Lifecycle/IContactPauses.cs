using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// The customers whose contact on a channel is paused: a pause holds even the renewal reminder. Pauses belong to
/// Preferences, which sits above Consents (ADR 0008), so the reminder asks through this seam.
/// </summary>
public interface IContactPauses
{
    /// <summary>Customers paused on <paramref name="channel"/> at <paramref name="now"/>, as a query to compose with.</summary>
    IQueryable<Guid> PausedCustomers(AppDbContext db, Channel channel, DateTimeOffset now);
}

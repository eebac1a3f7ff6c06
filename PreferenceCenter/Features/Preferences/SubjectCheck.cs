using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences;

/// <summary>Who may change a customer's preferences: the customer themselves while active, or staff and systems acting for them.</summary>
internal static class SubjectCheck
{
    public static async Task<PreferenceProblem?> CheckAsync(AppDbContext db, Guid customerId, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Kind == ActorKind.Customer && actor.Id != customerId.ToString())
        {
            return PreferenceProblem.ActorIsNotSubject;
        }

        var status = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            null => PreferenceProblem.UnknownCustomer,
            CustomerStatus.Active => null,
            _ => PreferenceProblem.CustomerNotActive,
        };
    }
}

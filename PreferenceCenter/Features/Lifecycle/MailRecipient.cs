using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Lifecycle;

/// <summary>Where and in which language a customer's lifecycle emails go: their sign-in address and chosen language.</summary>
public sealed record MailRecipient(string Address, string? Culture)
{
    public static async Task<MailRecipient?> FindAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Customers.Where(c => c.Id == customerId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Email, c.PreferredCulture })
            .FirstOrDefaultAsync(cancellationToken);
        return row?.Email is { Length: > 0 } address ? new MailRecipient(address, row.PreferredCulture) : null;
    }
}

using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Puts a small, known catalog and customers into a test database.</summary>
public static class CatalogBuilder
{
    public static readonly DateTimeOffset PublishedAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Marketing on every channel (24 months), profiling on email only (12 months), service informational.</summary>
    public static async Task SeedAsync(AppDbContext db)
    {
        var notice = new NoticeVersion { Number = 1, PublishedAt = PublishedAt };
        notice.Texts.Add(new NoticeText { Culture = "en", Title = "Privacy notice", LegalText = "Full text.\n\nSecond paragraph." });
        db.NoticeVersions.Add(notice);
        var purposes = new[]
        {
            new Purpose { Key = "service", Kind = PurposeKind.Service, LegalBasis = LegalBasis.Contract, Icon = "ReceiptLong", SortOrder = 1, OfferedChannels = ChannelSet.Email },
            new Purpose { Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", SortOrder = 2, ValidityMonths = 24,
                OfferedChannels = ChannelSet.Email | ChannelSet.Sms | ChannelSet.Phone | ChannelSet.Push | ChannelSet.Post },
            new Purpose { Key = "profiling", Kind = PurposeKind.Profiling, LegalBasis = LegalBasis.Consent, Icon = "Insights", SortOrder = 3, ValidityMonths = 12, OfferedChannels = ChannelSet.Email },
        };
        db.Purposes.AddRange(purposes);
        await db.SaveChangesAsync();
        foreach (var p in purposes)
        {
            notice.PurposeTexts.Add(new PurposeText
            {
                PurposeId = p.Id, Culture = "en", Title = char.ToUpperInvariant(p.Key[0]) + p.Key[1..], Summary = $"About {p.Key}.",
                DataUsed = "Some data.", Retention = "A while.",
            });
        }

        await db.SaveChangesAsync();
    }

    public static async Task<Guid> AddCustomerAsync(AppDbContext db, CustomerStatus status = CustomerStatus.Active)
    {
        var customer = new Customer
        {
            Id = Guid.NewGuid(), UserId = Guid.NewGuid().ToString(), Reference = CustomerReference.New(), Status = status, CreatedAt = PublishedAt,
        };
        db.Customers.Add(customer);
        // Every registered customer signs in with an email address: double opt-in and reminders write to it.
        var email = EmailOf(customer.Id);
        db.Users.Add(new ApplicationUser
        {
            Id = customer.UserId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
        });
        await db.SaveChangesAsync();
        return customer.Id;
    }

    /// <summary>The sign-in address <see cref="AddCustomerAsync"/> gives a customer.</summary>
    public static string EmailOf(Guid customerId) => $"customer-{customerId:N}@example.com";
}

using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks;

/// <summary>What a consent-change benchmark's database holds before it starts: a published notice, marketing, customers.</summary>
public static class BenchmarkCatalog
{
    /// <summary>
    /// The channels a benchmark change cycles through; marketing is offered on all of them. Not email: marketing by
    /// email waits for a double opt-in and queues an email per change, a different workload from the one measured here.
    /// </summary>
    public static IReadOnlyList<Channel> Channels { get; } = [.. ChannelSetExtensions.AllChannels.Where(c => c != Channel.Email)];

    public static async Task<(IReadOnlyList<Guid> Customers, int MarketingPurposeId)> SeedAsync(AppDbContext db, int customers)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = DateTimeOffset.UtcNow });
        var marketing = new Purpose
        {
            Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
            OfferedChannels = ChannelSetExtensions.Of([.. Channels]),
        };
        db.Purposes.Add(marketing);
        var ids = Enumerable.Range(0, customers).Select(_ => Guid.NewGuid()).ToList();
        db.Customers.AddRange(ids.Select(id => new Customer { Id = id, UserId = id.ToString(), Reference = CustomerReference.New(), CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return (ids, marketing.Id);
    }
}

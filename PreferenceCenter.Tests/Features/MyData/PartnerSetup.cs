using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.MyData;

/// <summary>A partner (recipient) with a sharing purpose on email, as a published catalog would have it.</summary>
public static class PartnerSetup
{
    public const string PurposeKey = "sharing-northwind";
    public const string PartnerName = "Northwind Traders";

    public static async Task<int> AddAsync(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recipient = db.Recipients.Add(new Recipient { Name = PartnerName, Country = "IT" }).Entity;
        await db.SaveChangesAsync();
        var purpose = db.Purposes.Add(new Purpose
        {
            Key = PurposeKey, Kind = PurposeKind.Sharing, LegalBasis = LegalBasis.Consent, Icon = "Share", SortOrder = 9,
            OfferedChannels = ChannelSet.Email, RecipientId = recipient.Id,
        }).Entity;
        await db.SaveChangesAsync();
        var notice = db.NoticeVersions.OrderByDescending(n => n.Number).First();
        db.Set<PurposeText>().Add(new PurposeText
        {
            NoticeVersionId = notice.Id, PurposeId = purpose.Id, Culture = "en", Title = "Sharing with Northwind",
            Summary = "We pass your address to Northwind.", DataUsed = "Email address.", Retention = "Until you withdraw.",
        });
        await db.SaveChangesAsync();
        return recipient.Id;
    }
}

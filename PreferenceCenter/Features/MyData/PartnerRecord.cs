namespace PreferenceCenter.Features.MyData;

/// <summary>One partner on /my-data: what we share with them, and what we told them when the customer changed their mind.</summary>
public sealed record PartnerRecord(string Name, string Country, IReadOnlyList<PartnerSharing> Shared, IReadOnlyList<PartnerNotice> Told);

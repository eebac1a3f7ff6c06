using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.MyData;

/// <summary>One consent that lets us share with a partner: for what, on which channel, and whether it is on since <see cref="Since"/>.</summary>
public sealed record PartnerSharing(string PurposeTitle, Channel Channel, bool Shared, DateTimeOffset Since);

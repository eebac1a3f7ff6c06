using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>What a link token says once read: whose link, for what, which consent (purpose key + channel), until when.</summary>
public sealed record LinkToken(LinkPurpose Purpose, Guid CustomerId, string PurposeKey, Channel Channel, DateTimeOffset ExpiresAt);

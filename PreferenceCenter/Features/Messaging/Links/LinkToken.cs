using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>
/// What a link token says once read: whose link, for what, what it acts on (for a consent, its purpose key and
/// channel; for an erasure confirmation, the request's id), until when, and since when: <paramref name="IssuedAt"/> is
/// when the email carrying it was written (null for links made before tokens recorded it, so nobody invents a date).
/// </summary>
public sealed record LinkToken(LinkPurpose Purpose, Guid CustomerId, string PurposeKey, Channel Channel, DateTimeOffset ExpiresAt, DateTimeOffset? IssuedAt = null);

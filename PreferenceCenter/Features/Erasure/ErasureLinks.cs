using System.Globalization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The token in the confirmation email: an emailed link token like any other (<see cref="LinkTokens"/>: Data
/// Protection, its purpose and expiry inside), made for <see cref="LinkPurpose.ConfirmErasure"/> and carrying the
/// request's id as its key. A token for anything else, altered or expired never opens it.
/// </summary>
public sealed class ErasureLinks(LinkTokens tokens, IOptions<ErasureOptions> options)
{
    public string Issue(int requestId, Guid customerId) => tokens.Create(
        LinkPurpose.ConfirmErasure, customerId, requestId.ToString(CultureInfo.InvariantCulture), Channel.Email,
        TimeSpan.FromHours(options.Value.ConfirmationLinkHours));

    /// <summary>
    /// The ids in a token, or null when it was altered, was made for something else, or has expired: the page says
    /// the same for all three, so the reason is not passed on.
    /// </summary>
    public (int RequestId, Guid CustomerId)? Read(string? token) =>
        tokens.TryRead(token, LinkPurpose.ConfirmErasure) is { Succeeded: true } read
        && int.TryParse(read.Token.PurposeKey, NumberStyles.None, CultureInfo.InvariantCulture, out var requestId)
            ? (requestId, read.Token.CustomerId)
            : null;
}

using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>
/// Every email's "manage your preferences" link: <c>/m/{token}</c>, a <see cref="LinkPurpose.ManagePreferences"/> token
/// bound to the customer that lasts <c>Email:ManageLinkHours</c>. What it opens is decided where it is followed.
/// </summary>
public sealed class ManageLinks(LinkTokens tokens, PublicLinks links, IOptions<EmailOptions> options)
{
    public const string Path = "m";

    public Uri For(Guid customerId) => links.To($"{Path}/{tokens.Create(
        LinkPurpose.ManagePreferences, customerId, string.Empty, Channel.Email, TimeSpan.FromHours(options.Value.ManageLinkHours))}");
}

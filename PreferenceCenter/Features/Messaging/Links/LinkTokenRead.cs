using System.Diagnostics.CodeAnalysis;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>The outcome of reading a token: either the token or the one reason it was refused.</summary>
public sealed record LinkTokenRead(LinkToken? Token, LinkTokenFailure? Failure)
{
    [MemberNotNullWhen(true, nameof(Token))]
    public bool Succeeded => Token is not null;

    public static LinkTokenRead Valid(LinkToken token) => new(token, null);

    public static LinkTokenRead Refused(LinkTokenFailure failure) => new(null, failure);
}

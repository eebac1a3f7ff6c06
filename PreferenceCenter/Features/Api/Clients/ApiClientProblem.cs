namespace PreferenceCenter.Features.Api.Clients;

/// <summary>Why the officer's change to a client was refused; nothing is written when one is returned.</summary>
public enum ApiClientProblem
{
    NameRequired = 1,
    NameTooLong,
    NoScope,
    UnknownScope,
    LimitOutOfRange,
    GraceOutOfRange,
    UnknownClient,
    Revoked,
    NameHasControlCharacter,
}

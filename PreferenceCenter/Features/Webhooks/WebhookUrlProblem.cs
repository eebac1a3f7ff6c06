namespace PreferenceCenter.Features.Webhooks;

/// <summary>Why an endpoint address was refused; each has its own message on the officer's page.</summary>
public enum WebhookUrlProblem
{
    Required = 1,
    TooLong = 2,
    NotAnAddress = 3,
    NotHttps = 4,
    HasCredentials = 5,
    PrivateAddress = 6,
    DoesNotResolve = 7,
    HasControlCharacter = 8,
}

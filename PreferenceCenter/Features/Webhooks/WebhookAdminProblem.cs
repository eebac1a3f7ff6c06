namespace PreferenceCenter.Features.Webhooks;

/// <summary>Why an officer's change to webhooks was refused; nothing was written.</summary>
public enum WebhookAdminProblem
{
    UnknownClient = 1,
    ClientRevoked = 2,
    NoEventType = 3,
    InvalidUrl = 4,
    UnknownEndpoint = 5,
    EndpointNotActive = 6,
    UnknownRecipient = 7,
}

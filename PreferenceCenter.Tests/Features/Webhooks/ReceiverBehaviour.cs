namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>How the test receiver answers one request.</summary>
public enum ReceiverBehaviour
{
    Ok,
    ServerError,

    /// <summary>Reads and records the request, then answers long after the sender's timeout.</summary>
    AnswerLate,

    /// <summary>Waits past the sender's timeout before reading the body at all.</summary>
    SlowReader,
    Gone,
}

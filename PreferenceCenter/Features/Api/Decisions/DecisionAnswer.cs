namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// The answer to one question. <see cref="Reason"/> is a stable code (<see cref="DecisionReasons"/>); <see cref="NotBefore"/>
/// says when a pause or a contact limit ends. <see cref="Reference"/> echoes a reference the caller sent, never an
/// address: a sender that asked by email learns nothing it did not already know.
/// </summary>
public sealed record DecisionAnswer(string? Reference, string Purpose, string Channel, bool Allowed, string Reason, DateTimeOffset? NotBefore);

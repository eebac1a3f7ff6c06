namespace PreferenceCenter.Features.Common;

/// <summary>What the agent states before acting for a customer: how the customer asked, and why.</summary>
public sealed record OnBehalfRequest(RequestChannel? Channel, string? Reason);

using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>A switch flipped in the matrix: which one, to what, and the version it showed.</summary>
public sealed record ConsentToggle(string PurposeKey, Channel Channel, bool TurnOn, int SeenVersion);

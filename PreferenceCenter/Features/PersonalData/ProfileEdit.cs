namespace PreferenceCenter.Features.PersonalData;

/// <summary>What the customer can edit on their profile page: their name and phone (both optional).</summary>
public sealed record ProfileEdit(string? Name, string? Phone);

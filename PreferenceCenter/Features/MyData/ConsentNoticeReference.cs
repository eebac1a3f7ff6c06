namespace PreferenceCenter.Features.MyData;

/// <summary>27560 "notice": which published notice version the consent was given under, and the texts' language.</summary>
public sealed record ConsentNoticeReference(string Reference, int Version, string Language);

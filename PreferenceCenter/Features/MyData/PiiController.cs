namespace PreferenceCenter.Features.MyData;

/// <summary>27560 "PII controller": who decides on the processing, and where to reach them.</summary>
public sealed record PiiController(string Name, string Contact);

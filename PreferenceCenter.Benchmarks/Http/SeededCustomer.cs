namespace PreferenceCenter.Benchmarks.Http;

/// <summary>A customer the seed wrote: their id, and the reference a sender would know them by.</summary>
public sealed record SeededCustomer(Guid Id, string Reference);

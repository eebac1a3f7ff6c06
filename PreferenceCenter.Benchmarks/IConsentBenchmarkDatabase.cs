using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Benchmarks;

/// <summary>A fresh database for the consent-change benchmark, on either provider: the service and the raw loop write to it.</summary>
public interface IConsentBenchmarkDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    IReadOnlyList<Guid> Customers { get; }
    int MarketingPurposeId { get; }

    /// <summary>The configuration that puts the app's services on this database and a key store of its own.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }
}

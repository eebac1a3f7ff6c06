using System.Collections.Concurrent;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// A few long-lived SQLite connections, each with the single-customer facts statement prepared once, for the question
/// a sender asks before most sends. Through EF, SQLite parsed and planned that five-table join on every call: a kept
/// statement on EF's pooled connections did not help, because EF registers its SQL functions on every open and SQLite
/// expires a connection's prepared statements whenever a function is registered. Preparing was about a third of a
/// single decision's CPU (docs/performance.md, API run 10). Read-only and idle between calls (each read's transaction
/// ends with it), so they hold no lock and no snapshot that a writer, a checkpoint or erasure's VACUUM would wait for.
/// A singleton: disposed with the app, which closes them.
/// </summary>
public sealed class SqliteFactsReaders : IDisposable
{
    // The read is synchronous, so no more are in use at once than threads run it; more than this are closed after use.
    private static readonly int MaxKept = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly ConcurrentDictionary<string, ConcurrentBag<SqliteFactsReader>> kept = new(StringComparer.Ordinal);
    private volatile bool disposed;

    /// <returns>Null when no purpose has the key; otherwise the purpose and, when the customer exists, their facts.</returns>
    internal (Purpose Purpose, ContactFacts? Found)? Read(string connectionString, string purposeKey, Channel channel, string reference)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var readers = kept.GetOrAdd(connectionString, _ => []);
        var reader = readers.TryTake(out var idle) ? idle : SqliteFactsReader.Open(connectionString);
        var keep = false;
        try
        {
            var facts = reader.Read(purposeKey, channel, reference);
            keep = true;
            return facts;
        }
        finally
        {
            // A reader that failed (a lost file, a corrupt page) is not trusted again: the next call opens a fresh one.
            if (keep && !disposed && readers.Count < MaxKept)
            {
                readers.Add(reader);
                if (disposed && readers.TryTake(out var late))
                {
                    late.Dispose();
                }
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var readers in kept.Values)
        {
            while (readers.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
    }
}

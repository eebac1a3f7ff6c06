using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// Customers written straight into the running app's files with raw SQL in one transaction each (a sign-up each would
/// take minutes): every live one with an email sealed under their own key (in the key store, wrapped by the app's
/// master key) and in the blind index; half granted marketing by SMS, the rest not, some paused, some erased (their
/// address a fingerprint only). Mirrors what the app writes, so the app reads it as its own.
/// </summary>
public static class SuppressionSeed
{
    public static async Task<SuppressionWorkload> SeedAsync(AppProcess app, int customers, int checkItems)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite($"Data Source={app.DatabasePath}"));
        await using var services = BenchmarkServices.Compose(factory, app.Settings);
        var keys = services.GetRequiredService<PersonalDataKeys>();
        int purposeId;
        await using (var db = factory.CreateDbContext())
        {
            db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = DateTimeOffset.UtcNow });
            var marketing = new Purpose
            {
                Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
                OfferedChannels = ChannelSetExtensions.Of(Channel.Sms, Channel.Email),
            };
            db.Purposes.Add(marketing);
            await db.SaveChangesAsync();
            purposeId = marketing.Id;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (references.Count < customers)
        {
            references.Add(CustomerReference.New());
        }

        var people = references.Select((reference, i) => (Id: Guid.NewGuid(), Reference: reference, Email: $"sup-{i}@example.com", Kind: i % 20)).ToList();
        var wrapped = new List<(Guid Id, byte[] Key)>(customers);
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var tx = connection.BeginTransaction();
            var customer = Command(connection, tx, "INSERT INTO Customers (Id, UserId, Reference, Status, CreatedAt, PreviouslyErased) VALUES ($id, NULL, $ref, $status, $at, 0)");
            var profile = Command(connection, tx, "INSERT INTO CustomerProfiles (CustomerId, Email, EmailIndex, ChangedAt, Version) VALUES ($id, $email, $index, $at, 1)");
            var consent = Command(connection, tx, $"INSERT INTO Consents (CustomerId, PurposeId, Channel, State, ChangedAt, ExpiresAt, NoticeVersion, Source, Version) VALUES ($id, {purposeId}, {(int)Channel.Sms}, {(int)ConsentState.Granted}, $at, $expires, 1, {(int)ChangeSource.Web}, 1)");
            var rule = Command(connection, tx, $"INSERT INTO ContactRules (CustomerId, Channel, Frequency, PausedUntil, ChangedAt, Version) VALUES ($id, {(int)Channel.Sms}, {(int)ContactFrequency.AsItHappens}, $until, $at, 1)");
            var suppression = Command(connection, tx, "INSERT INTO Suppressions (Hash, Kind, SuppressedAt) VALUES ($hash, 1, $at)");
            foreach (var person in people)
            {
                var id = person.Id.ToString().ToUpperInvariant(); // as EF stores a Guid in SQLite
                var erased = person.Kind == 0;
                await RunAsync(customer, ("$id", id), ("$ref", person.Reference), ("$status", (int)(erased ? CustomerStatus.Erased : CustomerStatus.Active)), ("$at", now));
                if (erased)
                {
                    await RunAsync(suppression, ("$hash", KeyedHash.OfEmail(keys.Suppression, person.Email)!), ("$at", now));
                    continue;
                }

                var dataKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength);
                wrapped.Add((person.Id, AesGcmEnvelope.Seal(keys.Master, dataKey, person.Id.ToByteArray())));
                await RunAsync(profile, ("$id", id), ("$email", ProtectedText.Seal(dataKey, person.Id, person.Email)), ("$index", KeyedHash.OfEmail(keys.BlindIndex, person.Email)!), ("$at", now));
                if (person.Kind < 10)
                {
                    await RunAsync(consent, ("$id", id), ("$at", now), ("$expires", now + (long)TimeSpan.FromDays(700).TotalMilliseconds));
                }

                if (person.Kind == 1)
                {
                    await RunAsync(rule, ("$id", id), ("$until", now + (long)TimeSpan.FromDays(30).TotalMilliseconds), ("$at", now));
                }
            }

            await tx.CommitAsync();
        }

        await StoreKeysAsync(app.Settings["ConnectionStrings:PersonalDataKeys"]!, wrapped, now);
        var clients = services.GetRequiredService<ApiClientService>();
        var byReference = await clients.CreateAsync("Benchmark sender", [ApiScopes.SuppressionsRead], ApiClient.MaxRequestsPerMinute, "benchmark-officer");
        var withAddresses = await clients.CreateAsync(
            "Benchmark mailer", [ApiScopes.SuppressionsRead, ApiScopes.SuppressionsAddresses], ApiClient.MaxRequestsPerMinute, "benchmark-officer");
        if (!byReference.Succeeded || !withAddresses.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the API clients: {byReference.Problem} {withAddresses.Problem}");
        }

        // A quarter erased, half live (granted or not), a quarter nobody's, in no particular order.
        var erasedEmails = people.Where(p => p.Kind == 0).Select(p => p.Email);
        var liveEmails = people.Where(p => p.Kind != 0).Select(p => p.Email);
        var items = erasedEmails.Take(checkItems / 4).Concat(liveEmails.Take(checkItems / 2))
            .Concat(Enumerable.Range(0, checkItems).Select(i => $"nobody-{i}@example.net")).Take(checkItems).ToArray();
        Random.Shared.Shuffle(items);
        return new SuppressionWorkload(byReference.Key!, withAddresses.Key!, items);
    }

    private static async Task StoreKeysAsync(string connectionString, List<(Guid Id, byte[] Key)> wrapped, long now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        var insert = Command(connection, tx, "INSERT INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, $at)");
        foreach (var (id, key) in wrapped)
        {
            await RunAsync(insert, ("$id", id.ToString()), ("$key", key), ("$at", now));
        }

        await tx.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}

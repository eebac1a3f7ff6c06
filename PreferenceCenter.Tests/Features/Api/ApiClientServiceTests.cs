using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>The officer's clients in a real SQLite store: hashes only, grace periods on the clock, a ledger entry each.</summary>
public sealed class ApiClientServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private TestDatabase database = default!;
    private ApiClientService clients = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        clients = new ApiClientService(database, new LedgerWriter(clock), clock);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Create_StoresOnlyAHashOfTheSecret_AndRecordsWhoCreatedWhat()
    {
        var created = await clients.CreateAsync("  newsletter system ", [ApiScopes.ConsentsWrite, ApiScopes.Decisions], 120, "officer-1");

        Assert.True(ApiKey.TryParse(created.Key, out var id, out var secret));
        await using var db = database.CreateDbContext();
        var stored = await db.ApiClients.SingleAsync();
        Assert.Equal((id, "newsletter system", "decisions consents:write", 120), (stored.Id, stored.Name, stored.Scopes, stored.RequestsPerMinute));
        Assert.True(ApiKey.Matches(secret, stored.SecretHash));
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal((LedgerEventType.ApiClientCreated, ActorKind.Staff, "officer-1"), (entry.EventType, entry.ActorKind, entry.ActorId));
        Assert.Equal($"client={id:N};name=newsletter system;scopes=decisions consents:write;limit=120", entry.Detail);
        Assert.DoesNotContain(secret, entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", new[] { "decisions" }, 10, ApiClientProblem.NameRequired)]
    [InlineData("x", new string[0], 10, ApiClientProblem.NoScope)]
    [InlineData("x", new[] { "admin" }, 10, ApiClientProblem.UnknownScope)]
    [InlineData("x", new[] { "decisions" }, 0, ApiClientProblem.LimitOutOfRange)]
    [InlineData("x", new[] { "decisions" }, 1_000_001, ApiClientProblem.LimitOutOfRange)]
    [InlineData("crm\0", new[] { "decisions" }, 10, ApiClientProblem.NameHasControlCharacter)]
    [InlineData("crm\u001b[2J", new[] { "decisions" }, 10, ApiClientProblem.NameHasControlCharacter)]
    public async Task Create_BadInput_IsRefusedAndNothingIsWritten(string name, string[] scopes, int limit, ApiClientProblem expected)
    {
        var result = await clients.CreateAsync(name, scopes, limit, "officer-1");

        Assert.Equal(expected, result.Problem);
        Assert.Null(result.Key);
        await using var db = database.CreateDbContext();
        Assert.Equal((0, 0), (await db.ApiClients.CountAsync(), await db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Create_ANameTooLong_IsRefused() =>
        Assert.Equal(ApiClientProblem.NameTooLong, (await clients.CreateAsync(new string('n', ApiClient.NameMaxLength + 1), [ApiScopes.Decisions], 10, "o")).Problem);

    [Fact]
    public async Task Rotate_TheOldSecretWorksUntilTheGraceEnds_ThenOnlyTheNewOne()
    {
        var created = await clients.CreateAsync("crm", [ApiScopes.Decisions], 10, "officer-1");
        var rotated = await clients.RotateAsync(created.Client!.Id, TimeSpan.FromHours(24), "officer-2");

        Assert.True(await AcceptsAsync(created.Key!));
        Assert.True(await AcceptsAsync(rotated.Key!));
        clock.Advance(TimeSpan.FromHours(24));
        Assert.False(await AcceptsAsync(created.Key!));
        Assert.True(await AcceptsAsync(rotated.Key!));
        Assert.Equal(Now.AddHours(24), rotated.Client!.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task Revoke_StopsEverySecretAtOnce_AndIsRecorded()
    {
        var created = await clients.CreateAsync("crm", [ApiScopes.Decisions], 10, "officer-1");
        var rotated = await clients.RotateAsync(created.Client!.Id, TimeSpan.FromDays(7), "officer-1");

        var revoked = await clients.RevokeAsync(created.Client.Id, "officer-2");

        Assert.Equal(Now, revoked.Client!.RevokedAt);
        Assert.False(await AcceptsAsync(created.Key!));
        Assert.False(await AcceptsAsync(rotated.Key!));
        Assert.Equal(ApiClientProblem.Revoked, (await clients.RotateAsync(created.Client.Id, TimeSpan.Zero, "officer-2")).Problem);
        await using var db = database.CreateDbContext();
        Assert.Equal(
            [LedgerEventType.ApiClientCreated, LedgerEventType.ApiClientSecretRotated, LedgerEventType.ApiClientRevoked],
            await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync());
    }

    [Fact]
    public async Task Rotate_AGraceOver30Days_IsRefused()
    {
        var created = await clients.CreateAsync("crm", [ApiScopes.Decisions], 10, "officer-1");

        Assert.Equal(ApiClientProblem.GraceOutOfRange, (await clients.RotateAsync(created.Client!.Id, TimeSpan.FromDays(31), "o")).Problem);
        Assert.Equal(ApiClientProblem.UnknownClient, (await clients.RotateAsync(Guid.NewGuid(), TimeSpan.Zero, "o")).Problem);
    }

    private async Task<bool> AcceptsAsync(string key)
    {
        Assert.True(ApiKey.TryParse(key, out var id, out var secret));
        return await clients.FindAsync(id) is { } client && ApiClientRules.Accepts(client, secret, clock.GetUtcNow());
    }
}

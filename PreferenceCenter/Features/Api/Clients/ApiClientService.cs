using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Api.Clients;

/// <summary>
/// The officer's API clients: create, rotate, revoke, each with its ledger entry in the same transaction; and the
/// lookup the API's authentication makes on every call (so a revocation holds from the next request on).
/// </summary>
public sealed class ApiClientService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public async Task<IReadOnlyList<ApiClientView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(cancellationToken);
        return [.. clients.OrderBy(c => c.RevokedAt is not null).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(ApiClientView.Of)];
    }

    /// <summary>The client a key names, untracked; null when there is none. Revoked clients are returned too: the caller decides.</summary>
    public async Task<ApiClient?> FindAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, clientId, cancellationToken);
    }

    /// <summary>The same lookup on a context the caller holds (an API request's, <c>ApiRequestDatabase</c>).</summary>
    public static Task<ApiClient?> FindAsync(AppDbContext db, Guid clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return FindQuery.For(db)(db, clientId, cancellationToken);
    }

    // Compiled once: every API call authenticates, so the lookup should not walk and hash its expression each time.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<ApiClient?>>> FindQuery = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid clientId, CancellationToken cancellationToken) => db.ApiClients.AsNoTracking().FirstOrDefault(c => c.Id == clientId)));

    public async Task<ApiClientResult> CreateAsync(
        string? name, IReadOnlyCollection<string> scopes, int requestsPerMinute, string officerUserId, CancellationToken cancellationToken = default)
    {
        if (ApiClientRules.Check(name, scopes, requestsPerMinute) is { } problem)
        {
            return ApiClientResult.Refused(problem);
        }

        var id = Guid.NewGuid();
        var (key, hash) = ApiKey.New(id);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var client = new ApiClient
        {
            Id = id, Name = name!.Trim(), Scopes = ApiScopes.Format(scopes), SecretHash = hash,
            RequestsPerMinute = requestsPerMinute, CreatedAt = time.GetUtcNowToMillisecond(),
        };
        db.ApiClients.Add(client);
        await AppendAsync(db, LedgerEventType.ApiClientCreated, officerUserId, client,
            $"scopes={client.Scopes};limit={client.RequestsPerMinute}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ApiClientResult(ApiClientView.Of(client), key);
    }

    /// <summary>A new secret; the old one keeps working for <paramref name="grace"/> (zero: it stops now).</summary>
    public Task<ApiClientResult> RotateAsync(Guid clientId, TimeSpan grace, string officerUserId, CancellationToken cancellationToken = default) =>
        ApiClientRules.CheckGrace(grace) is { } problem
            ? Task.FromResult(ApiClientResult.Refused(problem))
            : ChangeAsync(clientId, officerUserId, LedgerEventType.ApiClientSecretRotated, (client, now) =>
            {
                var (key, hash) = ApiKey.New(client.Id);
                client.PreviousSecretHash = grace > TimeSpan.Zero ? client.SecretHash : null;
                client.PreviousSecretValidUntil = grace > TimeSpan.Zero ? now + grace : null;
                client.SecretHash = hash;
                return (key, $"grace-minutes={(long)grace.TotalMinutes}");
            }, cancellationToken);

    /// <summary>Stops every secret of the client at once.</summary>
    public Task<ApiClientResult> RevokeAsync(Guid clientId, string officerUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(clientId, officerUserId, LedgerEventType.ApiClientRevoked, (client, now) =>
        {
            client.RevokedAt = now;
            client.PreviousSecretHash = null;
            client.PreviousSecretValidUntil = null;
            return (null, null);
        }, cancellationToken);

    private async Task<ApiClientResult> ChangeAsync(
        Guid clientId, string officerUserId, LedgerEventType eventType, Func<ApiClient, DateTimeOffset, (string? Key, string? Detail)> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return ApiClientResult.Refused(ApiClientProblem.UnknownClient);
        }

        if (client.RevokedAt is not null)
        {
            return ApiClientResult.Refused(ApiClientProblem.Revoked);
        }

        var (key, detail) = change(client, time.GetUtcNowToMillisecond());
        client.Version++;
        await AppendAsync(db, eventType, officerUserId, client, detail, cancellationToken);
        // The write lock was taken at BeginWrite, so no other officer's change can interleave here.
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ApiClientResult(ApiClientView.Of(client), key);
    }

    private Task<LedgerEntry> AppendAsync(
        AppDbContext db, LedgerEventType eventType, string officerUserId, ApiClient client, string? detail, CancellationToken cancellationToken) =>
        ledger.AppendAsync(db, new LedgerDraft(
            eventType, Actor.Staff(officerUserId), SubjectId: null, ChangeSource.Web,
            Detail: $"client={client.Id:N};name={client.Name}" + (detail is null ? string.Empty : ";" + detail)), cancellationToken);
}

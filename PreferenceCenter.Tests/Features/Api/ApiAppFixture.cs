using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>The real app on Kestrel, plus the API clients, customers and contact rules the API tests ask about.</summary>
public sealed class ApiAppFixture : AppHost
{
    public const string Officer = "test-officer";

    public ApiClientService ClientService => Services.GetRequiredService<ApiClientService>();

    /// <summary>A new client with these scopes and a limit no test reaches; its key.</summary>
    public async Task<string> KeyAsync(params string[] scopes) => (await ClientAsync(ApiClient.MaxRequestsPerMinute, scopes)).Key!;

    public async Task<ApiClientResult> ClientAsync(int requestsPerMinute, params string[] scopes)
    {
        _ = BaseAddress;
        var result = await ClientService.CreateAsync($"client {Guid.NewGuid():N}"[..20], scopes, requestsPerMinute, Officer);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result;
    }

    public HttpClient Http(string? key = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>A customer (no profile) with these consents granted, and their reference.</summary>
    public async Task<(Guid Id, string Reference)> CustomerAsync(params (string Purpose, Channel Channel)[] granted)
    {
        var id = await this.NewCustomerAsync(granted);
        await using var db = await DbAsync();
        return (id, await db.Customers.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
    }

    /// <summary>A signed-up customer, whose email is in their sealed profile and the blind index, as sign-up makes one.</summary>
    public async Task<(Guid Id, string Email)> CustomerWithEmailAsync()
    {
        _ = BaseAddress;
        var email = $"api-{Guid.NewGuid():N}@example.com";
        var customer = await Services.GetRequiredService<CustomerAccounts>().CreateForUserAsync(Guid.NewGuid().ToString(), email, "en");
        return (customer.Id, email);
    }

    /// <summary>Puts an address on the suppression list, as an erasure does.</summary>
    public async Task SuppressAsync(string email)
    {
        await using var db = await DbAsync();
        await SuppressionList.AddAsync(db, Services.GetRequiredService<SuppressionList>().Fingerprints(email, null, DateTimeOffset.UtcNow), default);
        await db.SaveChangesAsync();
    }

    public async Task GrantAsync(Guid customerId, string purpose, Channel channel)
    {
        var result = await Services.GetRequiredService<ConsentService>().SetAsync(
            new ConsentChange(customerId, purpose, channel, true, ConsentChange.AnyVersion, Actor.Staff(Officer, "test", "phone"), ChangeSource.Support));
        Assert.True(result.Succeeded, result.Message);
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = await DbAsync();
        return await read(db);
    }

    public async Task WriteAsync(Func<AppDbContext, Task> write)
    {
        await using var db = await DbAsync();
        await write(db);
        await db.SaveChangesAsync();
    }

    public Task<List<LedgerEntry>> LedgerAsync(Guid customerId) =>
        ReadAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == customerId).OrderBy(e => e.Sequence).ToListAsync());

    public Task<int> LedgerCountAsync() => ReadAsync(db => db.LedgerEntries.CountAsync());

    public async Task SetRuleAsync(Guid customerId, Channel channel, ContactFrequency frequency, DateTimeOffset? pausedUntil = null) =>
        await WriteAsync(db =>
        {
            db.ContactRules.Add(new ContactRule
            {
                CustomerId = customerId, Channel = channel, Frequency = frequency, PausedUntil = pausedUntil, ChangedAt = DateTimeOffset.UtcNow,
            });
            return Task.CompletedTask;
        });

    public static async Task<T> JsonAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private Task<AppDbContext> DbAsync() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}

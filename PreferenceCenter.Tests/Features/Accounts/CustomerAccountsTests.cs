using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.Features.Accounts;

public sealed class CustomerAccountsTests
{
    [Fact]
    public async Task CreateForUser_CreatesAnActiveCustomerWithAReadableReferenceAndARegistrationEntry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 14, 0, TimeSpan.Zero));
        var accounts = new CustomerAccounts(database, new LedgerWriter(clock), clock);

        var customer = await accounts.CreateForUserAsync("user-1", "it");

        Assert.Equal((CustomerStatus.Active, "it", clock.GetUtcNow()), (customer.Status, customer.PreferredCulture, customer.CreatedAt));
        Assert.Matches("^PC-[2-9A-HJ-NP-Z]{6}$", customer.Reference);
        await using var db = database.CreateDbContext();
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal((LedgerEventType.CustomerRegistered, customer.Id), (entry.EventType, entry.SubjectId!.Value));
    }

    [Fact]
    public async Task CreateForUser_Twice_KeepsOneCustomer()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accounts = new CustomerAccounts(database, new LedgerWriter(TimeProvider.System), TimeProvider.System);

        var first = await accounts.CreateForUserAsync("user-1", null);
        var second = await accounts.CreateForUserAsync("user-1", null);

        Assert.Equal(first.Id, second.Id);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task SetPreferredCulture_RecordsAChangeOnceAndNothingWhenUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accounts = new CustomerAccounts(database, new LedgerWriter(TimeProvider.System), TimeProvider.System);
        var customer = await accounts.CreateForUserAsync("user-1", "en");

        var changed = await accounts.SetPreferredCultureAsync(customer.Id, "es");
        var again = await accounts.SetPreferredCultureAsync(customer.Id, "es");

        Assert.Equal((true, false), (changed, again));
        await using var db = database.CreateDbContext();
        Assert.Equal("es", (await db.Customers.SingleAsync()).PreferredCulture);
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.PreferredLanguageChanged);
        Assert.Equal((customer.Id, "en", "es"), (entry.SubjectId!.Value, entry.Before, entry.After));
    }
}

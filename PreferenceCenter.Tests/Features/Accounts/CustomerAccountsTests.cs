using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Accounts;

public sealed class CustomerAccountsTests
{
    public static CustomerAccounts Accounts(TestDatabase database, TimeProvider clock, Func<string>? newReference = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ledger = new LedgerWriter(clock);
        var index = new BlindIndex(TestKeys.Keys);
        return new CustomerAccounts(
            database, ledger, clock, database.Protector, new CustomerProfileService(database, database.Protector, index, ledger, clock),
            new SuppressionList(database, TestKeys.Keys), index, newReference);
    }

    [Fact]
    public async Task CreateForUser_WhenTheDrawnReferenceIsTaken_DrawsAgainInsteadOfFailingTheSignUp()
    {
        await using var database = await TestDatabase.CreateAsync();
        var drawn = new Queue<string>(["PC-AAAAAA", "PC-AAAAAA", "PC-AAAAAA", "PC-BBBBBB"]);
        var accounts = Accounts(database, TimeProvider.System, drawn.Dequeue);

        var first = await accounts.CreateForUserAsync("user-1", "ada@example.com", null);
        var second = await accounts.CreateForUserAsync("user-2", "grace@example.com", null);

        Assert.Equal(("PC-AAAAAA", "PC-BBBBBB"), (first.Reference, second.Reference));
        Assert.Empty(drawn);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task CreateForUser_CreatesAnActiveCustomerWithAReadableReferenceAndARegistrationEntry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 14, 0, TimeSpan.Zero));
        var accounts = Accounts(database, clock);

        var customer = await accounts.CreateForUserAsync("user-1", "ada@example.com", "it");

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
        var accounts = Accounts(database, TimeProvider.System);

        var first = await accounts.CreateForUserAsync("user-1", "ada@example.com", null);
        var second = await accounts.CreateForUserAsync("user-1", "ada@example.com", null);

        Assert.Equal(first.Id, second.Id);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task SetPreferredCulture_RecordsAChangeOnceAndNothingWhenUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accounts = Accounts(database, TimeProvider.System);
        var customer = await accounts.CreateForUserAsync("user-1", "ada@example.com", "en");

        var changed = await accounts.SetPreferredCultureAsync(customer.Id, "es");
        var again = await accounts.SetPreferredCultureAsync(customer.Id, "es");

        Assert.Equal((true, false), (changed, again));
        await using var db = database.CreateDbContext();
        Assert.Equal("es", (await db.Customers.SingleAsync()).PreferredCulture);
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.PreferredLanguageChanged);
        Assert.Equal((customer.Id, "en", "es"), (entry.SubjectId!.Value, entry.Before, entry.After));
    }
}

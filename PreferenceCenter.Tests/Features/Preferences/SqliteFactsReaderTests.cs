using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences;

/// <summary>
/// A single question on SQLite reads its facts through a statement kept on a connection of its own (hand-written SQL,
/// read column by column, <see cref="SqliteFactsReaders"/>); a list goes through EF's statement. Both must see the same facts for the same customer, field for field,
/// or a sender would get a different answer for one customer than for the same customer in a batch.
/// </summary>
[SqliteOnly("the kept readers are SQLite's; on PostgreSQL one question goes through EF's statement, which Npgsql prepares")]
public sealed class SqliteFactsReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OneReference_ReadsTheSameFactsAsTheListStatement_ForEveryKindOfCustomer()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var readers = new SqliteFactsReaders();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        var marketing = db.Purposes.Single(p => p.Key == "marketing");
        marketing.RetentionAfterEndDays = 30;
        marketing.MaterialChangeNotice = 1;
        await db.SaveChangesAsync();

        var bare = await CatalogBuilder.AddCustomerAsync(db);
        var granted = await CatalogBuilder.AddCustomerAsync(db);
        var everything = await CatalogBuilder.AddCustomerAsync(db);
        var erased = await CatalogBuilder.AddCustomerAsync(db, CustomerStatus.Erased);
        db.Consents.Add(Consent(granted, marketing.Id, ConsentState.Granted, expiresAt: null));
        db.Consents.Add(Consent(everything, marketing.Id, ConsentState.PendingConfirmation, expiresAt: Now.AddMonths(24)));
        db.Consents.Add(Consent(everything, marketing.Id, ConsentState.Granted, expiresAt: Now.AddMonths(1), channel: Channel.Email));
        db.ContactRules.Add(new ContactRule { CustomerId = everything, Channel = Channel.Sms, Frequency = ContactFrequency.WeeklyDigest, PausedUntil = Now.AddDays(3), ChangedAt = Now });
        db.ChannelContacts.Add(new LastContact { CustomerId = everything, Channel = Channel.Sms, LastContactedAt = Now.AddDays(-2).AddMilliseconds(123) });
        db.Consents.Add(Consent(erased, marketing.Id, ConsentState.Withdrawn, expiresAt: null));
        await db.SaveChangesAsync();
        var references = db.Customers.Select(c => c.Reference).ToList();

        foreach (var reference in references.Append("PC-NOBODY").Append("PC-\0"))
        {
            var one = await ReferencedContactFacts.LoadAsync(db, "marketing", Channel.Sms, [reference], readers, CancellationToken.None);
            var many = await ReferencedContactFacts.LoadAsync(db, "marketing", Channel.Sms, [reference, "PC-SOMEONE-ELSE"], readers, CancellationToken.None);

            Assert.NotNull(one);
            Assert.NotNull(many);
            Assert.Equal(Describe(many.Value.Purpose), Describe(one.Value.Purpose));
            Assert.Equal(many.Value.Found.ContainsKey(reference), one.Value.Found.ContainsKey(reference));
            Assert.Equal(
                many.Value.Found.TryGetValue(reference, out var expected) ? Describe(expected) : "none",
                one.Value.Found.TryGetValue(reference, out var actual) ? Describe(actual) : "none");
        }

        // The customer with every fact is really read with them, so the comparison above compares something.
        var everythingReference = db.Customers.Single(c => c.Id == everything).Reference;
        var full = (await ReferencedContactFacts.LoadAsync(db, "marketing", Channel.Sms, [everythingReference], readers, CancellationToken.None))!.Value.Found[everythingReference];
        Assert.Equal(
            $"Sms Active PendingConfirmation {Now.AddMonths(24):O} WeeklyDigest {Now.AddDays(3):O} {Now.AddDays(-2).AddMilliseconds(123):O}",
            Describe(full).Replace(Describe(full.Purpose!) + " ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneReference_ForAPurposeNobodyHas_IsNull_AsWithTheListStatement()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var readers = new SqliteFactsReaders();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        var customer = await CatalogBuilder.AddCustomerAsync(db);
        var reference = db.Customers.Single(c => c.Id == customer).Reference;

        Assert.Null(await ReferencedContactFacts.LoadAsync(db, "no-such-purpose", Channel.Sms, [reference], readers, CancellationToken.None));
        Assert.Null(await ReferencedContactFacts.LoadAsync(db, "no-such-purpose", Channel.Sms, [reference, "PC-OTHER"], readers, CancellationToken.None));
    }

    [Fact]
    public async Task TheKeptStatement_SeesAChangeCommittedAfterItWasPrepared_AndDoesNotHoldTheFileOpenForReading()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var readers = new SqliteFactsReaders();
        await using (var seed = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(seed);
        }

        await using var db = database.CreateDbContext();
        var customer = await CatalogBuilder.AddCustomerAsync(db);
        var reference = db.Customers.Single(c => c.Id == customer).Reference;
        Assert.Null((await ReferencedContactFacts.LoadAsync(db, "marketing", Channel.Sms, [reference], readers, CancellationToken.None))!.Value.Found[reference].Consent);

        await using (var writer = database.CreateDbContext())
        {
            writer.Consents.Add(Consent(customer, writer.Purposes.Single(p => p.Key == "marketing").Id, ConsentState.Granted, expiresAt: null));
            await writer.SaveChangesAsync();
            // A checkpoint that must wait for every reader: a statement left mid-read would keep it from finishing.
            await writer.Database.OpenConnectionAsync();
            await using var checkpoint = writer.Database.GetDbConnection().CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var result = await checkpoint.ExecuteReaderAsync();
            Assert.True(await result.ReadAsync());
            Assert.Equal(0L, result.GetInt64(0));
        }

        Assert.Equal(ConsentState.Granted, (await ReferencedContactFacts.LoadAsync(db, "marketing", Channel.Sms, [reference], readers, CancellationToken.None))!.Value.Found[reference].Consent!.State);
    }

    private static Consent Consent(Guid customer, int purposeId, ConsentState state, DateTimeOffset? expiresAt, Channel channel = Channel.Sms) =>
        new() { CustomerId = customer, PurposeId = purposeId, Channel = channel, State = state, ChangedAt = Now, ExpiresAt = expiresAt, NoticeVersion = 1 };

    private static string Describe(Purpose p) =>
        $"{p.Id} {p.Key} {p.Icon} {p.Kind} {p.LegalBasis} {p.RecipientId} {p.OfferedChannels} {p.ValidityMonths} {p.RetentionAfterEndDays} {p.MaterialChangeNotice} {p.SortOrder}";

    private static string Describe(ContactFacts f) =>
        $"{f.Channel} {f.CustomerStatus} {Describe(f.Purpose!)} {f.Consent?.State} {f.Consent?.ExpiresAt:O} {f.Rule?.Frequency} {f.Rule?.PausedUntil:O} {f.LastContactedAt:O}";
}

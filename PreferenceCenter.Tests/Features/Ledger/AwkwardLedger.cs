using System.Text;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

/// <summary>
/// A ledger written through the app's own writer, one entry at a time and in a batch, where every optional column is
/// both empty and set, and the text is as hard to encode as it gets: non-ASCII, emoji, quotes, markup, control
/// characters, NUL, an empty string, and one entry holding every character of the Basic Multilingual Plane.
/// </summary>
public static class AwkwardLedger
{
    public const int EntryCount = 8;

    /// <summary>The entry whose every column holds a value (the one to alter column by column).</summary>
    public const long EveryColumnSet = 2;

    /// <summary>The entry whose every optional column is NULL.</summary>
    public const long EveryOptionalColumnEmpty = 1;

    public static readonly Guid Customer = Guid.Parse("3f2c8a44-5d0e-4c1b-9a57-2f4a6b1c9d10");

    public static readonly string Quotes = "He said \"stop\" — <b>now</b> & 'then' + `tick` \\ / =";
    public static readonly string NonAscii = "Zoë — naïve café ✓ 中文 العربية עברית Ελληνικά";
    public static readonly string Emoji = "😀 👍🏽 👨‍👩‍👧 🏳️‍🌈 𝄞";
    public static readonly string Controls = "nul:\0 soh:\u0001 bs:\b tab:\t lf:\n ff:\f cr:\r esc:\u001B del:\u007F nel:\u0085 ls:\u2028 ps:\u2029";
    public static readonly string Specials = "\uFEFFbom \uFFFD \uFFFE \uFFFF \u00A0nbsp \u200Bzwsp";
    public static readonly string Markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    /// <summary>Every scalar value from U+0000 to U+FFFF (surrogates excluded), then a few beyond.</summary>
    public static string EveryCharacter { get; } = BuildEveryCharacter();

    public static async Task<TestDatabase> CreateAsync()
    {
        var clock = new FakeTimeProvider(LedgerFixture.Start);
        var database = await TestDatabase.CreateAsync();
        var writer = new LedgerWriter(clock);
        LedgerDraft[] oneByOne =
        [
            new(LedgerEventType.NoticePublished, Actor.System("catalog-import"), null, ChangeSource.System),
            new(LedgerEventType.ConsentGranted, Actor.Staff("staff-ü-1", Quotes, "Phone"), Customer, ChangeSource.Support,
                3, "newsletter", Channel.Sms, "not-given", "granted", NonAscii),
            new(LedgerEventType.PreferenceAnswered, Actor.Customer(Customer) with { Reason = "" }, Customer, ChangeSource.Web,
                Before: Specials, After: Emoji, Detail: Controls),
            new(LedgerEventType.ApiClientCreated, Actor.ApiClient(Guid.NewGuid()), null, ChangeSource.Api, Detail: EveryCharacter),
            new(LedgerEventType.ConsentWithdrawn, Actor.Customer(Customer), Customer, ChangeSource.UnsubscribePage,
                1, "m\u00E4rketing", Channel.Email, "granted", "withdrawn", Markup),
        ];
        foreach (var draft in oneByOne)
        {
            await using var db = database.CreateDbContext();
            await writer.AppendAsync(db, draft);
            await db.SaveChangesAsync();
            clock.Advance(TimeSpan.FromMilliseconds(61_001));
        }

        // The group commit's path: a prepared insert instead of SaveChanges.
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var batch = await writer.BeginBatchAsync(db);
            await batch.AppendAsync(new LedgerDraft(LedgerEventType.ConsentWithdrawn, Actor.Customer(Customer), Customer,
                ChangeSource.OneClickUnsubscribe, 1, "newsletter", Channel.Push, "granted", "withdrawn", Emoji + Controls));
            await batch.AppendAsync(new LedgerDraft(LedgerEventType.ConsentWithdrawn, Actor.Staff("staff-2", NonAscii, "Letter"), Customer,
                ChangeSource.Support, 1, "profiling", Channel.Email, "granted", "withdrawn", ""));
            await transaction.CommitAsync();
        }

        clock.Advance(TimeSpan.FromDays(400));
        await using (var db = database.CreateDbContext())
        {
            await writer.AppendAsync(db, new LedgerDraft(LedgerEventType.NoticePublished, Actor.System("\u0000"), null, ChangeSource.System, Detail: Quotes + Markup));
            await db.SaveChangesAsync();
        }

        return database;
    }

    private static string BuildEveryCharacter()
    {
        var text = new StringBuilder(70_000);
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                text.Append((char)c);
            }
        }

        foreach (var scalar in new[] { 0x10000, 0x1F600, 0x1F3FD, 0x2A6D6, 0xE0001, 0x10FFFF })
        {
            text.Append(char.ConvertFromUtf32(scalar));
        }

        return text.ToString();
    }
}

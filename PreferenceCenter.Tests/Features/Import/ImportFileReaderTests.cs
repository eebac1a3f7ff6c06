using System.Text;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Import;

/// <summary>The import file's rules, one bad input at a time: each gets its line, its column and a specific reason.</summary>
public sealed class ImportFileReaderTests
{
    public const string Header = "email,purpose,channel,state,captured_at,source,collection_point,notice_version,wording,confirmed_at";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly ImportCatalog Catalog = new(new Dictionary<string, Purpose>(StringComparer.Ordinal)
    {
        ["marketing"] = new() { Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "x", OfferedChannels = ChannelSetExtensions.Of([Channel.Email, Channel.Sms]) },
        ["service"] = new() { Key = "service", Kind = PurposeKind.Service, LegalBasis = LegalBasis.Contract, Icon = "x", OfferedChannels = ChannelSetExtensions.Of([Channel.Email]) },
    }, new HashSet<int> { 1 });

    public static string Row(string email = "ada@example.com", string purpose = "marketing", string channel = "sms", string state = "granted",
        string captured = "2025-03-14T09:30:00Z", string source = "shop", string point = "checkout", string notice = "1", string wording = "", string confirmed = "") =>
        $"{email},{purpose},{channel},{state},{captured},{source},{point},{notice},{wording},{confirmed}";

    private static ImportParse Read(string text, int maxLine = 8192) => Read(Encoding.UTF8.GetBytes(text), maxLine);

    private static ImportParse Read(byte[] bytes, int maxLine = 8192) =>
        ImportFileReader.Read(bytes, Catalog, Now, new ImportOptions { MaxLineBytes = maxLine });

    [Fact]
    public void AGoodFile_GivesItsRows_WithTheirLineNumbers()
    {
        var parse = Read($"{Header}\n{Row()}\r\n{Row(email: "bo@example.com", channel: "email", state: "withdrawn", captured: "2025-03-14", notice: "", wording: "\"Yes, send me news\"")}\n");

        Assert.True(parse.IsClean, string.Join("; ", parse.Errors));
        Assert.Equal([2, 3], parse.Rows.Select(r => r.Line));
        var second = parse.Rows[1];
        Assert.Equal(("bo@example.com", Channel.Email, false, new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero), "Yes, send me news"),
            (second.Email, second.Channel, second.Granted, second.CapturedAt, second.Wording));
    }

    [Fact]
    public void AUtf8ByteOrderMark_IsAccepted()
    {
        var parse = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{Header}\n{Row()}\n")]);

        Assert.True(parse.IsClean, string.Join("; ", parse.Errors));
        Assert.Single(parse.Rows);
    }

    [Fact]
    public void Utf16_IsRefusedWithWhatToDo()
    {
        var parse = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{Header}\n{Row()}\n")]);

        Assert.Contains("UTF-16", Assert.Single(parse.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(parse.Rows);
    }

    [Fact]
    public void MixedEncodings_AreRefused_NamingTheFirstBadLine()
    {
        var latin1 = Encoding.Latin1.GetBytes(Row(source: "caffè") + "\n");
        var parse = Read([.. Encoding.UTF8.GetBytes($"{Header}\n{Row(source: "caffè")}\n"), .. latin1]);

        var error = Assert.Single(parse.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("The file mixes encodings: 1 of its 3 lines are not UTF-8; the first is line 3 (byte 0xE8", error.Message, StringComparison.Ordinal);
        Assert.Empty(parse.Rows);
    }

    [Fact]
    public void ATenMegabyteLine_IsRefusedWithItsLength()
    {
        var parse = Read($"{Header}\n{Row()}\n{Row(wording: new string('a', 10 * 1024 * 1024))}\n");

        var error = Assert.Single(parse.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("a line may be at most 8,192 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email,purpose,channel,state,captured_at,source,notice_version", "collection_point", "Missing column(s): collection_point")]
    [InlineData(Header + ",shoe_size", "shoe_size", "Unknown column 'shoe_size'")]
    [InlineData("email,email,purpose,channel,state,captured_at,source,collection_point,wording", "email", "appears twice")]
    [InlineData("email,purpose,channel,state,captured_at,source,collection_point", "wording", "Add a notice_version or a wording column")]
    public void AWrongHeader_IsRefusedAtLineOne(string header, string field, string message)
    {
        var error = Assert.Single(Read($"{header}\n{Row()}\n").Errors);

        Assert.Equal((1, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("captured_at", "2025-13-40T00:00:00Z", "is not a date")]
    [InlineData("captured_at", "14/03/2025", "is not a date")]
    [InlineData("captured_at", "2025-03-14T09:30:00", "is not a date")]
    [InlineData("captured_at", "2030-01-01T00:00:00Z", "in the future")]
    [InlineData("purpose", "newsletter", "There is no purpose called 'newsletter'; known purposes: marketing, service.")]
    [InlineData("purpose", "service", "does not rely on consent")]
    [InlineData("channel", "pigeon", "The channel must be one of")]
    [InlineData("email", "not-an-address", "This is not an email address")]
    [InlineData("email", "", "The email address is missing.")]
    [InlineData("state", "maybe", "\"granted\" or \"withdrawn\"")]
    [InlineData("notice_version", "7", "No notice version '7' was published here.")]
    [InlineData("confirmed_at", "2025-03-13T00:00:00Z", "Confirmation cannot come before")]
    public void ABadField_IsReportedWithLineColumnAndReason(string field, string value, string message)
    {
        var row = field switch
        {
            "captured_at" => Row(captured: value),
            "purpose" => Row(purpose: value),
            "channel" => Row(channel: value),
            "email" => Row(email: value),
            "state" => Row(state: value),
            "notice_version" => Row(notice: value),
            _ => Row(confirmed: value),
        };

        var parse = Read($"{Header}\n{Row()}\n{row}\n");

        var error = Assert.Single(parse.Errors);
        Assert.Equal((3, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(parse.Rows);
    }

    [Fact]
    public void ARowWithTooFewFields_SaysHowManyItHas()
    {
        var error = Assert.Single(Read($"{Header}\nada@example.com,marketing,sms\n").Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("has 3 fields; the header has 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedQuote_IsRefusedWithItsLine()
    {
        var error = Assert.Single(Read($"{Header}\n{Row()}\n{Row(wording: "\"never closed")}\n{Row()}\n").Errors);

        Assert.Equal(3, error.Line);
        Assert.Contains("quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFile_AsksForTheHeader()
    {
        Assert.Contains("The file is empty", Assert.Single(Read([0xEF, 0xBB, 0xBF]).Errors).Message, StringComparison.Ordinal);
    }
}

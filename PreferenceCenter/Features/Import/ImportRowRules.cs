using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using PreferenceCenter.Features.Api;
using PreferenceCenter.Features.Api.Consents;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Import;

/// <summary>Checks one row's fields, naming each bad one; returns the row, or null with its errors added.</summary>
public static partial class ImportRowRules
{
    public const int EmailMaxLength = 254;
    public const int SourceMaxLength = 100;

    public static ImportRow? Check(
        int line, Func<string, string?> field, ImportCatalog catalog, DateTimeOffset now, ICollection<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(line, column, message));

        var email = field(ImportColumns.Email)?.Trim() ?? string.Empty;
        if (!IsEmail(email))
        {
            Fail(ImportColumns.Email, email.Length == 0 ? "The email address is missing." : "This is not an email address (it should look like name@example.com).");
        }

        var purposeKey = field(ImportColumns.Purpose)?.Trim() ?? string.Empty;
        var purpose = catalog.Purposes.GetValueOrDefault(purposeKey);
        if (purpose is null)
        {
            Fail(ImportColumns.Purpose, purposeKey.Length == 0 ? "The purpose is missing." :
                $"There is no purpose called '{Shorten(purposeKey)}'; known purposes: {string.Join(", ", catalog.Purposes.Keys.Order(StringComparer.Ordinal))}.");
        }
        else if (!purpose.AsksForConsent)
        {
            Fail(ImportColumns.Purpose, $"The purpose '{purposeKey}' does not rely on consent, so no consent to it can be imported.");
        }

        var channelText = field(ImportColumns.Channel)?.Trim();
        if (!ApiNames.TryParseChannel(channelText, out var channel))
        {
            Fail(ImportColumns.Channel, ApiNames.ChannelProblem);
        }
        else if (purpose is { AsksForConsent: true } && !purpose.IsOfferedOn(channel))
        {
            Fail(ImportColumns.Channel, $"The purpose '{purposeKey}' is not offered by {ApiNames.Of(channel)}.");
        }

        var state = field(ImportColumns.State)?.Trim().ToLowerInvariant();
        if (state is not ("granted" or "withdrawn"))
        {
            Fail(ImportColumns.State, "The state must be \"granted\" or \"withdrawn\".");
        }

        var captured = Moment(field(ImportColumns.CapturedAt), now, ImportColumns.CapturedAt, Fail, required: true);
        var source = Plain(field(ImportColumns.Source), SourceMaxLength, ImportColumns.Source, "Name the system or form the consent came from", Fail);
        var point = Plain(field(ImportColumns.CollectionPoint), ConsentEvidence.CollectionPointMaxLength, ImportColumns.CollectionPoint,
            "Say where it was collected (e.g. \"checkout\")", Fail);
        var (notice, wording) = Shown(field, catalog, Fail);
        var confirmed = Moment(field(ImportColumns.ConfirmedAt), now, ImportColumns.ConfirmedAt, Fail, required: false);
        if (confirmed is { } c && captured is { } at && c < at)
        {
            Fail(ImportColumns.ConfirmedAt, "Confirmation cannot come before the consent was captured.");
        }

        return errors.Count > before ? null
            : new ImportRow(line, email, purposeKey, channel, state == "granted", captured!.Value, source!, point!, notice, wording, confirmed);
    }

    private static (int? Notice, string? Wording) Shown(Func<string, string?> field, ImportCatalog catalog, Action<string, string> fail)
    {
        var noticeText = field(ImportColumns.NoticeVersion)?.Trim();
        var wordingText = field(ImportColumns.Wording);
        int? notice = null;
        if (!string.IsNullOrEmpty(noticeText))
        {
            if (!int.TryParse(noticeText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !catalog.NoticeVersions.Contains(number))
            {
                fail(ImportColumns.NoticeVersion, $"No notice version '{Shorten(noticeText)}' was published here.");
            }
            else
            {
                notice = number;
            }
        }

        string? wording = null;
        if (!string.IsNullOrWhiteSpace(wordingText))
        {
            wording = Plain(wordingText, ConsentEvidence.WordingMaxLength, ImportColumns.Wording, "The wording shown", fail);
        }
        else if (string.IsNullOrEmpty(noticeText))
        {
            fail(ImportColumns.Wording, "Say what the person was shown: a notice_version published here, or the wording.");
        }

        return (notice, wording);
    }

    private static DateTimeOffset? Moment(string? text, DateTimeOffset now, string column, Action<string, string> fail, bool required)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                fail(column, "The time is missing.");
            }

            return null;
        }

        // An offset is required: "10:30" alone would be read in the server's zone, a guess about someone's consent.
        if (!IsoMoment().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            fail(column, $"'{Shorten(value)}' is not a date: use ISO 8601 with a time zone, e.g. 2025-03-14T09:30:00Z, or a date alone, 2025-03-14 (UTC).");
            return null;
        }

        if (parsed > now)
        {
            fail(column, "The time is in the future.");
            return null;
        }

        return parsed.ToUniversalTime();
    }

    private static string? Plain(string? text, int maxLength, string column, string what, Action<string, string> fail)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || value.Any(c => char.IsControl(c) && c is not '\n'))
        {
            fail(column, $"{what}: 1 to {maxLength} characters of plain text.");
            return null;
        }

        return value;
    }

    private static bool IsEmail(string value) =>
        value.Length is > 0 and <= EmailMaxLength && MailAddress.TryCreate(value, out var address)
        && address.Address == value && string.IsNullOrEmpty(address.DisplayName) && address.Host.Contains('.', StringComparison.Ordinal);

    // Values are echoed back to the uploader (it is their file) but never at length.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMoment();
}

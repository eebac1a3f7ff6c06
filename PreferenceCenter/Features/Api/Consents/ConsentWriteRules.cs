using System.Text.Json;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Api.Consents;

/// <summary>Checks a consent write's shape and evidence, naming each bad field; returns the evidence as the ledger records it.</summary>
public static class ConsentWriteRules
{
    public static (Channel Channel, string Evidence)? Check(
        ConsentWriteRequest request, DateTimeOffset now, IReadOnlySet<int> noticeVersions, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(noticeVersions);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            errors["purpose"] = ["The purpose is required: the key of a published purpose."];
        }

        if (!ApiNames.TryParseChannel(request.Channel, out var channel))
        {
            errors["channel"] = [ApiNames.ChannelProblem];
        }

        if (request.Granted is null)
        {
            errors["granted"] = ["Say whether the consent was given (true) or withdrawn (false)."];
        }

        if (request.ExpectedVersion is < 0)
        {
            errors["expectedVersion"] = ["The expected version is the one you last read: 0 or more."];
        }

        CheckEvidence(request.Evidence, now, noticeVersions, errors);
        return errors.Count > 0 ? null : (channel, JsonSerializer.Serialize(request.Evidence, JsonSerializerOptions.Web));
    }

    private static void CheckEvidence(ConsentEvidence? evidence, DateTimeOffset now, IReadOnlySet<int> noticeVersions, IDictionary<string, string[]> errors)
    {
        if (evidence is null)
        {
            errors["evidence"] = ["Evidence is required: capturedAt, collectionPoint, and noticeVersion or wording."];
            return;
        }

        if (evidence.CapturedAt is not { } captured || captured > now)
        {
            errors["evidence.capturedAt"] = ["When the consent was captured, as an ISO 8601 time not in the future."];
        }

        if (!IsPlain(evidence.CollectionPoint, ConsentEvidence.CollectionPointMaxLength))
        {
            errors["evidence.collectionPoint"] = [$"Where it was captured (e.g. \"checkout\"), 1 to {ConsentEvidence.CollectionPointMaxLength} characters of plain text."];
        }

        if (evidence.NoticeVersion is null && evidence.Wording is null)
        {
            errors["evidence"] = ["Say what the person was shown: a noticeVersion published here, or the wording."];
        }

        if (evidence.NoticeVersion is { } version && !noticeVersions.Contains(version))
        {
            errors["evidence.noticeVersion"] = [$"No notice version {version} was published."];
        }

        if (evidence.Wording is not null && !IsPlain(evidence.Wording, ConsentEvidence.WordingMaxLength))
        {
            errors["evidence.wording"] = [$"The wording shown, 1 to {ConsentEvidence.WordingMaxLength} characters of plain text."];
        }
    }

    private static bool IsPlain(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(c => char.IsControl(c) && c is not '\n');
}

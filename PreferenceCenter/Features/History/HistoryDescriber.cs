using System.Globalization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.History;

/// <summary>
/// Turns a ledger entry into a sentence its reader understands: the customer reads "You turned off Marketing by email
/// from the link in our email of 3 Dec 2026"; staff read "The customer turned off…" (<see cref="HistoryReader"/>).
/// </summary>
public sealed class HistoryDescriber(IStringLocalizer<SharedResource> resources)
{
    private readonly IStringLocalizer<SharedResource> text = resources;

    public string Describe(HistoryItem item, HistoryVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var text = new ReaderWording(this.text, vocabulary.Reader);
        var who = item.ActorKind.ToString();
        // Preference sentences name the support team or "recorded" for systems; the consent ones have a form per actor.
        var by = item.ActorKind switch { ActorKind.Customer => "Customer", ActorKind.Staff => "Staff", _ => "System" };
        if (Imported(item, vocabulary, text) is { } imported)
        {
            return imported;
        }

        var sentence = item.EventType switch
        {
            LedgerEventType.ConsentGranted => text[item.Source == ChangeSource.Registration ? "History.ConsentGranted.Registration" : $"History.ConsentGranted.{who}",
                Label(item, vocabulary.PurposeTitles), System(item)],
            LedgerEventType.ConsentWithdrawn => text[item.Source == ChangeSource.GlobalPrivacyControl ? "Gpc.History.Withdrawn" : $"History.ConsentWithdrawn.{who}",
                Label(item, vocabulary.PurposeTitles), System(item)],
            LedgerEventType.GlobalPrivacyControlHonoured => text["Gpc.History.Honoured"],
            LedgerEventType.AllConsentsWithdrawn => text["History.AllConsentsWithdrawn"],
            LedgerEventType.WithdrawAllUndone => Count(item.Before) > 0
                ? $"{text.Plural("History.WithdrawAllUndone", Count(item.After))} {text.Plural("History.WithdrawAllUndone.Left", Count(item.Before))}"
                : text.Plural("History.WithdrawAllUndone", Count(item.After)),
            LedgerEventType.GlobalPrivacyControlOverridden => text["Gpc.History.Overridden", Label(item, vocabulary.PurposeTitles)],
            LedgerEventType.ConsentPendingConfirmation => text[$"Lifecycle.History.Pending.{item.ActorKind switch
            {
                ActorKind.Customer => "Customer",
                ActorKind.ApiClient => "ApiClient",
                _ => "Other",
            }}", Label(item, vocabulary.PurposeTitles), System(item)],
            LedgerEventType.ConsentConfirmed => text["Lifecycle.History.Confirmed", Label(item, vocabulary.PurposeTitles)],
            LedgerEventType.ConsentExpired => text["Lifecycle.History.Expired", Label(item, vocabulary.PurposeTitles), Moment(item.Detail, vocabulary)],
            LedgerEventType.ConsentConfirmationLapsed => text["Lifecycle.History.Unconfirmed", Label(item, vocabulary.PurposeTitles), Moment(item.Detail, vocabulary)],
            LedgerEventType.ConsentRenewed => text[item.Source == ChangeSource.RenewalLink ? "Lifecycle.History.Renewed" : "Lifecycle.History.Reviewed",
                Label(item, vocabulary.PurposeTitles), Moment(item.After, vocabulary)],
            LedgerEventType.RenewalReminderSent => text["Lifecycle.History.Reminded", Label(item, vocabulary.PurposeTitles), Moment(item.Detail, vocabulary)],
            LedgerEventType.ReceiptSent => text.Plural("Receipts.History.Sent", Count(item.Detail), item.Before ?? string.Empty, item.After ?? string.Empty),
            LedgerEventType.ReceiptsTurnedOff or LedgerEventType.ReceiptsTurnedOn => text[$"Receipts.History.{item.EventType}"],
            LedgerEventType.CustomerRegistered => text["History.CustomerRegistered"],
            LedgerEventType.ImportedRecordClaimed => text["Import.History.Claimed"],
            LedgerEventType.PreferredLanguageChanged => text["History.LanguageChanged", LanguageName(item.After)],
            LedgerEventType.PreferenceAnswered => text[$"History.PreferenceAnswered.{by}", Prompt(item, vocabulary)],
            LedgerEventType.PreferenceAnswerForgotten => text[$"History.PreferenceAnswerForgotten.{by}", Prompt(item, vocabulary)],
            LedgerEventType.ContactFrequencyChanged => text[$"History.ContactFrequencyChanged.{by}", ChannelName(item), FrequencyPhrase(item.After)],
            LedgerEventType.ContactPaused => text[$"History.ContactPaused.{by}", ChannelName(item), Moment(item.After, vocabulary)],
            LedgerEventType.ContactPauseLifted => text[$"History.ContactPauseLifted.{by}", ChannelName(item)],
            LedgerEventType.FeedbackGiven => text[$"History.FeedbackGiven.{by}", FeedbackPhrase(item, text)],
            LedgerEventType.ProfileChanged => text[$"PersonalData.History.ProfileChanged.{by}", ProfileFields(item.Detail)],
            LedgerEventType.SignedUpWithErasedAddress => text["PersonalData.History.SignedUpWithErasedAddress"],
            LedgerEventType.ErasureSuppressionWritten or LedgerEventType.ErasurePersonalDataDeleted or LedgerEventType.ErasureSignInDeleted
                or LedgerEventType.ErasureKeyDestroyed or LedgerEventType.CustomerErased or LedgerEventType.ErasureStorageForgotten
                => text[$"PersonalData.History.{item.EventType}"],
            // Support may file the request for the customer; every later step is the customer's, the officer's or the job's.
            LedgerEventType.ErasureRequested => text[item.ActorKind == ActorKind.Staff ? "Erasure.History.Requested.Staff" : "Erasure.History.Requested"],
            LedgerEventType.ErasureVerified => text["Erasure.History.Verified"],
            LedgerEventType.ErasureLinkResent => text["Erasure.History.LinkResent"],
            LedgerEventType.ErasureDeadlineExtended => text["Compliance.History.DeadlineExtended", Moment(item.After, vocabulary)],
            LedgerEventType.ErasureApproved => text["Erasure.History.Approved"],
            LedgerEventType.ErasureRejected => text["Erasure.History.Rejected"],
            LedgerEventType.ErasureCancelled => text["Erasure.History.Cancelled"],
            LedgerEventType.ErasureExecutionStarted => text["Erasure.History.ExecutionStarted"],
            LedgerEventType.ErasureCompleted => text["Erasure.History.Completed"],
            LedgerEventType.RetentionDataDeleted => text.Plural("Retention.History.Deleted", Count(item.Detail),
                Label(item, vocabulary.PurposeTitles), Moment(item.Before, vocabulary), text.Plural("Retention.Purposes.DaysValue", Count(item.After))),
            LedgerEventType.ErasureCompletionEmailed => text[item.Detail == ErasureCompletionNotice.Failed ? "Erasure.History.CompletionEmailFailed" : "Erasure.History.CompletionEmailed"],
            LedgerEventType.PersonalDataExported => text["MyData.History.Exported"],
            LedgerEventType.PersonalDataRevealed => text[$"Support.History.Revealed.{item.Detail}"],
            LedgerEventType.CustomerLookedUp => text[$"Support.History.LookedUp.{item.Detail}"],
            LedgerEventType.CustomerRecordViewed => text["Support.History.Viewed"],
            LedgerEventType.UnsubscribeFeedbackGiven => text["History.UnsubscribeFeedbackGiven", Label(item, vocabulary.PurposeTitles),
                text[$"History.UnsubscribeReason.{item.Detail}"]],
            _ => text["History.Other", item.EventType],
        };
        // Staff acting for the customer say how the customer asked: "… at your request by phone".
        if (RequestChannels.FromLedgerValue(item.RequestChannel) is { } asked)
        {
            return $"{sentence} {text[$"Support.History.By.{asked}"]}";
        }

        // A change made from an emailed link says which email, when the link recorded it (never a guessed date).
        return FromALink(item)
            ? $"{sentence} {(LinkOrigin.Read(item.Detail) is { } sent
                ? text["History.From.EmailOf", TimeFormat.ShortDate(sent, CultureInfo.CurrentUICulture)]
                : text["History.From.AnEmail"])}"
            : sentence;
    }

    // "Imported from the shop: you agreed to Marketing by email on 14 March 2025 at checkout." The date is when the
    // consent was given at the source, not when the import ran.
    private string? Imported(HistoryItem item, HistoryVocabulary vocabulary, ReaderWording text)
    {
        if (item.Source != ChangeSource.Import || ImportedEvidence.TryParse(item.Detail) is not { } evidence)
        {
            return null;
        }

        var key = item.EventType switch
        {
            LedgerEventType.ConsentGranted => "Import.History.Granted",
            LedgerEventType.ConsentWithdrawn => "Import.History.Withdrawn",
            LedgerEventType.ConsentPendingConfirmation => "Import.History.Pending",
            LedgerEventType.CustomerImported => "Import.History.Created",
            _ => null,
        };
        return key is null ? null : text[key, evidence.Source, Label(item, vocabulary.PurposeTitles),
            TimeFormat.Date(evidence.CapturedAt, CultureInfo.CurrentUICulture), evidence.CollectionPoint].Value;
    }

    // The sentences for confirming, renewing and verifying already say they came from our email.
    private static bool FromALink(HistoryItem item) =>
        item.Source is ChangeSource.OneClickUnsubscribe or ChangeSource.UnsubscribePage or ChangeSource.EmailLink
        && item.EventType is LedgerEventType.ConsentWithdrawn or LedgerEventType.ConsentGranted or LedgerEventType.ContactFrequencyChanged
            or LedgerEventType.ContactPaused or LedgerEventType.ContactPauseLifted;

    // The API client's name as the officer wrote it ("newsletter system"), or a plain word when it is gone.
    private string System(HistoryItem item) => item.ApiClientName ?? text["History.ApiClient.Unnamed"];

    private static int Count(string? recorded) => int.TryParse(recorded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string LanguageName(string? culture) =>
        culture is null ? string.Empty : CultureInfo.GetCultureInfo(culture).NativeName;

    private static string Prompt(HistoryItem item, HistoryVocabulary vocabulary) =>
        item.Detail is null ? string.Empty : vocabulary.QuestionPrompts.GetValueOrDefault(item.Detail, item.Detail);

    private string ChannelName(HistoryItem item) => item.Channel is Channel channel ? text[$"Channel.{channel}.InSentence"] : string.Empty;

    private string FrequencyPhrase(string? recorded) =>
        ContactFrequencyNames.Parse(recorded) is { } frequency ? text[$"History.Frequency.{frequency}"] : recorded ?? string.Empty;

    private static string Moment(string? recorded, HistoryVocabulary vocabulary) =>
        LedgerTime.Parse(recorded) is { } moment ? TimeFormat.DateAndTime(moment, CultureInfo.CurrentUICulture, vocabulary.TimeZone) : recorded ?? string.Empty;

    private string FeedbackPhrase(HistoryItem item, ReaderWording text)
    {
        var kinds = (item.After ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var phrases = kinds.Select(kind => kind switch
        {
            "too-often" => text["History.Feedback.TooOften"].Value,
            "not-relevant" => text["History.Feedback.NotRelevant"].Value,
            _ => kind,
        }).ToList();
        if (item.Detail is not null)
        {
            phrases.Add(text["History.Feedback.Comment"]);
        }

        var said = string.Join("; ", phrases);
        return item.Channel is null ? said : text["History.Feedback.About", said, ChannelName(item)];
    }

    private string ProfileFields(string? recorded) =>
        string.Join(", ", (recorded ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => text[$"PersonalData.History.Field.{field}"].Value));

    private string Label(HistoryItem item, IReadOnlyDictionary<string, string> purposeTitles)
    {
        var title = item.PurposeKey is null ? string.Empty : purposeTitles.GetValueOrDefault(item.PurposeKey, item.PurposeKey);
        return item.Channel is Channel channel ? text.ConsentLabel(title, channel) : title;
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Ledger;

/// <summary>Turns a ledger entry into a sentence its subject understands: "You turned on Marketing by email".</summary>
public sealed class HistoryDescriber(IStringLocalizer<SharedResource> text)
{
    /// <param name="purposeTitles">Purpose titles by key, in the reader's language; unknown keys show as the key.</param>
    public string Describe(HistoryItem item, IReadOnlyDictionary<string, string> purposeTitles)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(purposeTitles);
        var who = item.ActorKind.ToString();
        return item.EventType switch
        {
            LedgerEventType.ConsentGranted => text[$"History.ConsentGranted.{who}", Label(item, purposeTitles)],
            LedgerEventType.ConsentWithdrawn => text[$"History.ConsentWithdrawn.{who}", Label(item, purposeTitles)],
            LedgerEventType.CustomerRegistered => text["History.CustomerRegistered"],
            LedgerEventType.PreferredLanguageChanged => text["History.LanguageChanged", LanguageName(item.After)],
            _ => text["History.Other", item.EventType],
        };
    }

    private static string LanguageName(string? culture) =>
        culture is null ? string.Empty : CultureInfo.GetCultureInfo(culture).NativeName;

    private string Label(HistoryItem item, IReadOnlyDictionary<string, string> purposeTitles)
    {
        var title = item.PurposeKey is null ? string.Empty : purposeTitles.GetValueOrDefault(item.PurposeKey, item.PurposeKey);
        return item.Channel is Channel channel ? text.ConsentLabel(title, channel) : title;
    }
}

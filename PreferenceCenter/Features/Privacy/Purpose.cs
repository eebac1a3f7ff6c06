using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Privacy;

/// <summary>Why data is used. Its texts are versioned with the notice (<see cref="PurposeText"/>); this is the stable part.</summary>
public sealed class Purpose
{
    public const int KeyMaxLength = 100;
    public const int ValidityMinMonths = 1;
    public const int ValidityMaxMonths = 120;
    public const int RetentionMaxDays = 3650;

    public int Id { get; init; }

    /// <summary>Stable key recorded in consents and the ledger, e.g. <c>marketing</c> or <c>sharing-northwind</c>.</summary>
    public required string Key { get; init; }
    public PurposeKind Kind { get; set; }
    public LegalBasis LegalBasis { get; set; }
    public int? RecipientId { get; set; }
    public Recipient? Recipient { get; set; }
    public ChannelSet OfferedChannels { get; set; }

    /// <summary>How long a consent lasts before it must be renewed; null when it does not expire.</summary>
    public int? ValidityMonths { get; set; }

    /// <summary>
    /// How many days the data collected for this purpose (the answers to its questions) is kept once every consent to
    /// it has ended (withdrawn or lapsed); 0 deletes it at the next run. Null keeps it until the customer erases it.
    /// </summary>
    public int? RetentionAfterEndDays { get; set; }

    /// <summary>
    /// The notice version that last changed this purpose materially: consents given under an earlier version are
    /// asked to be reviewed. Null when it never changed materially.
    /// </summary>
    public int? MaterialChangeNotice { get; set; }

    /// <summary>A Material Design icon name for the summary's first layer.</summary>
    public required string Icon { get; set; }
    public int SortOrder { get; set; }

    public bool AsksForConsent => LegalBasis == LegalBasis.Consent;

    public bool IsOfferedOn(Channel channel) => OfferedChannels.Contains(channel);
}

using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>The rules of a consent change, free of storage so they can be tested on their own.</summary>
public static class ConsentRules
{
    public const string NotGiven = "not-given";
    public const string On = "granted";
    public const string Off = "withdrawn";
    public const string Lapsed = "expired";
    public const string Pending = "pending";

    /// <summary>Returns the first reason the change may not be made, or null when it may.</summary>
    public static ConsentProblem? Check(ConsentChange change, CustomerStatus? customerStatus, Purpose? purpose)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (customerStatus is null)
        {
            return ConsentProblem.UnknownCustomer;
        }

        if (customerStatus != CustomerStatus.Active)
        {
            return ConsentProblem.CustomerNotActive;
        }

        // A customer acts only for themselves; staff and systems act on behalf of a subject by design.
        if (change.Actor.Kind == ActorKind.Customer && change.Actor.Id != change.CustomerId.ToString())
        {
            return ConsentProblem.ActorIsNotSubject;
        }

        if (purpose is null)
        {
            return ConsentProblem.UnknownPurpose;
        }

        if (!Enum.IsDefined(change.Channel))
        {
            return ConsentProblem.UnknownChannel;
        }

        if (!purpose.AsksForConsent)
        {
            return ConsentProblem.NotBasedOnConsent;
        }

        return purpose.IsOfferedOn(change.Channel) ? null : ConsentProblem.NotOfferedOnChannel;
    }

    /// <summary>A consent counts only while granted and not past its expiry — checked on every read.</summary>
    public static bool IsOn(Consent? consent, DateTimeOffset now) =>
        consent is { State: ConsentState.Granted } && (consent.ExpiresAt is null || consent.ExpiresAt > now);

    public static string StateLabel(Consent? consent, DateTimeOffset now) => consent switch
    {
        null => NotGiven,
        { State: ConsentState.Withdrawn } => Off,
        { State: ConsentState.PendingConfirmation } => Pending,
        _ when IsOn(consent, now) => On,
        _ => Lapsed,
    };

    /// <summary>
    /// Double opt-in: marketing by email counts only once the mailbox's owner follows the link we send. Staff record
    /// a consent with the customer's request, reason and request channel, so their changes take effect at once.
    /// </summary>
    public static bool NeedsConfirmation(Purpose purpose, Channel channel, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(actor);
        return IsDoubleOptIn(purpose, channel) && actor.Kind != ActorKind.Staff;
    }

    /// <summary>Whether this consent counts only after the mailbox's owner confirms it: marketing by email.</summary>
    public static bool IsDoubleOptIn(Purpose purpose, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return purpose.Kind == PurposeKind.Marketing && channel == Channel.Email;
    }

    /// <summary>Nothing to do: turning on what is on, or off what is neither on nor waiting for confirmation.</summary>
    public static bool IsUnchanged(Consent? consent, bool grant, DateTimeOffset now) =>
        grant ? IsOn(consent, now) : !IsOn(consent, now) && consent?.State != ConsentState.PendingConfirmation;

    public static DateTimeOffset? ExpiryFor(Purpose purpose, DateTimeOffset grantedAt)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return purpose.ValidityMonths is int months ? grantedAt.AddMonths(months) : null;
    }

    public static ConsentCell ToCell(string purposeKey, Channel channel, Consent? consent, DateTimeOffset now) =>
        consent is null
            ? ConsentCell.NeverGiven(purposeKey, channel)
            : new ConsentCell(purposeKey, channel, IsOn(consent, now), consent.ChangedAt, consent.ExpiresAt, consent.Version,
                consent.State == ConsentState.PendingConfirmation);

    /// <summary>A specific English message for logs and API clients; the UI shows its own translation.</summary>
    public static string Describe(ConsentProblem problem, string purposeKey, Channel channel) => problem switch
    {
        ConsentProblem.UnknownPurpose => $"There is no purpose called '{purposeKey}'.",
        ConsentProblem.UnknownChannel => $"'{channel}' is not a channel we contact customers on.",
        ConsentProblem.NotOfferedOnChannel => $"The purpose '{purposeKey}' is not offered by {channel}.",
        ConsentProblem.NotBasedOnConsent => $"The purpose '{purposeKey}' does not rely on consent, so it cannot be switched on or off.",
        ConsentProblem.UnknownCustomer => "There is no such customer.",
        ConsentProblem.CustomerNotActive => "This customer's account is not active, so their consents cannot change.",
        ConsentProblem.ActorIsNotSubject => "A customer can change only their own consents.",
        ConsentProblem.NoPublishedNotice => "No privacy notice has been published yet, so no consent can be recorded.",
        ConsentProblem.NoAddressToConfirm => "Marketing by email needs a confirmed email address, and this customer has none.",
        ConsentProblem.ChangedElsewhere => $"'{purposeKey}' by {channel} was changed elsewhere meanwhile; here is its current state.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}

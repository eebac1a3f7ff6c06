namespace PreferenceCenter.Features.Consents;

/// <summary>Why a consent change was refused. The UI shows a localised message per value.</summary>
public enum ConsentProblem
{
    UnknownPurpose = 1,
    UnknownChannel,
    NotOfferedOnChannel,
    NotBasedOnConsent,
    UnknownCustomer,
    CustomerNotActive,
    ActorIsNotSubject,
    NoPublishedNotice,
    ChangedElsewhere,
    NoAddressToConfirm,
}

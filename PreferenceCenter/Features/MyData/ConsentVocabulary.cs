using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.MyData;

/// <summary>The fixed codes the export uses for how a consent event was expressed and by whom (ISO/IEC TS 27560 "method" and "by").</summary>
public static class ConsentVocabulary
{
    public static string Method(ChangeSource source) => source switch
    {
        ChangeSource.Web => "web-form",
        ChangeSource.Support => "support",
        ChangeSource.EmailLink => "email-link",
        ChangeSource.Api => "api",
        _ => "system",
    };

    public static string ExpressedBy(ActorKind actor) => actor switch
    {
        ActorKind.Customer => "data-subject",
        ActorKind.Staff => "staff-on-behalf",
        ActorKind.ApiClient => "api-client",
        _ => "system",
    };
}

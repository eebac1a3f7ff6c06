namespace PreferenceCenter.Features.Support;

/// <summary>The customer an identifier belongs to, or why the search found nobody or was refused.</summary>
public sealed record SupportSearchResult(SupportCustomerSummary? Customer, SupportProblem? Problem)
{
    public static SupportSearchResult Found(SupportCustomerSummary customer) => new(customer, null);

    public static SupportSearchResult Refused(SupportProblem problem) => new(null, problem);
}

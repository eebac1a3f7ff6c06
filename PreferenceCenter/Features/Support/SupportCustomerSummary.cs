using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Support;

/// <summary>A customer as the console shows them before anything is revealed: reference, status, masked contact.</summary>
public sealed record SupportCustomerSummary(Guid Id, string Reference, CustomerStatus Status, string? MaskedEmail, string? MaskedPhone)
{
    public bool IsErased => Status == CustomerStatus.Erased;
}

using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Messaging;

/// <summary>
/// Every form field that takes an email address: valid only when <see cref="MailAddresses"/> can send to it. Empty
/// passes (that is <see cref="RequiredAttribute"/>'s call).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string { Length: 0 } => true,
        string text => MailAddresses.IsDeliverable(text),
        _ => false,
    };
}

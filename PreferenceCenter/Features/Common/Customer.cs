namespace PreferenceCenter.Features.Common;

/// <summary>
/// The data subject. <see cref="Id"/> is the pseudonym used everywhere else (consents, ledger), so erasing the
/// link to the sign-in account leaves no way back to the person.
/// </summary>
public sealed class Customer
{
    public const int ReferenceLength = 9;

    public Guid Id { get; init; }
    public string? UserId { get; set; }

    /// <summary>A short code support staff can read over the phone, e.g. <c>PC-7K3M9Q</c>.</summary>
    public required string Reference { get; init; }
    public CustomerStatus Status { get; set; } = CustomerStatus.Active;
    public DateTimeOffset CreatedAt { get; init; }
    public string? PreferredCulture { get; set; }

    /// <summary>Set at sign-up when the email or phone matches the suppression list: someone with this address asked to be erased before.</summary>
    public bool PreviouslyErased { get; init; }

    /// <summary>The customer asked for no receipts after their changes (<c>Features/Receipts</c>); on by default.</summary>
    public bool ReceiptsTurnedOff { get; set; }

    /// <summary>
    /// The last ledger sequence a receipt has covered, or at which receipts were turned on or off: only this
    /// customer's changes after it are waiting for a receipt.
    /// </summary>
    public long ReceiptedThrough { get; set; }
}

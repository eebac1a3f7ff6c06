namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Seals an Identity account's user name and email with a key of the account's own, kept in the same key store as
/// customers' keys and named by the account id. Staff accounts have no customer, and a customer's sign-in exists
/// before its customer row (Register.razor creates the user first), so the account id is the one name every account
/// has from its first write. Erasure destroys this key beside the customer's, so any old copy of the row is noise.
/// </summary>
public sealed class AccountSealer(PersonalDataProtector protector, CustomerKeyStore keys)
{
    /// <summary>
    /// True for a value in the stored format. Base64 has no <c>@</c> and every user name and email here has one, so
    /// an address that happens to start with the prefix is never mistaken for a sealed value.
    /// </summary>
    public static bool IsSealed(string? value) =>
        value is not null && value.StartsWith(ProtectedText.Prefix, StringComparison.Ordinal) && !value.Contains('@', StringComparison.Ordinal);

    /// <summary>The value sealed with the account's key (made on first use); a value already sealed is returned as it is.</summary>
    public async Task<string?> SealAsync(string accountId, string? value, CancellationToken cancellationToken = default) =>
        value is null || IsSealed(value) ? value : await protector.ProtectAsync(KeyIdOf(accountId), value, cancellationToken);

    /// <summary>
    /// The plaintext. A value not in the stored format is returned as it is: it was set on a user not saved yet (the
    /// store seals it on create), since rows are sealed when written and older rows by the start-up retrofit.
    /// Throws <see cref="PersonalDataUnreadableException"/> once the account's key is destroyed.
    /// </summary>
    public async Task<string?> OpenAsync(string accountId, string? stored, CancellationToken cancellationToken = default) =>
        IsSealed(stored) ? await protector.UnprotectAsync(KeyIdOf(accountId), stored, cancellationToken) : stored;

    /// <summary>Destroys the account's key (idempotent), leaving a tombstone so no later write mints a new one.</summary>
    public Task<bool> DestroyKeyAsync(string accountId, CancellationToken cancellationToken = default) =>
        keys.DestroyAsync(KeyIdOf(accountId), cancellationToken);

    private static Guid KeyIdOf(string accountId) =>
        Guid.TryParse(accountId, out var id)
            ? id
            : throw new InvalidOperationException($"Account id '{accountId}' is not a GUID: Identity's default ids are, and the key store names keys by GUID.");
}

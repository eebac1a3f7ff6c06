using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// The one place the console reads a customer's email and phone (to mask them, or to reveal them when justified):
/// decrypted from the customer's profile with their own key; nothing once they are erased.
/// </summary>
public sealed class CustomerContactReader(CustomerProfileService profiles)
{
    public async Task<CustomerContact> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var profile = await profiles.GetAsync(customerId, cancellationToken);
        return profile is null ? CustomerContact.None : new CustomerContact(profile.Email, profile.Phone);
    }
}

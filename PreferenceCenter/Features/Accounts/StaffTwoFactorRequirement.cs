using Microsoft.AspNetCore.Authorization;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// Part of every staff policy: the account has two-factor sign-in switched on, so Identity asks for an
/// authenticator code at every sign-in. <see cref="StaffTwoFactorHandler"/> decides it.
/// </summary>
public sealed class StaffTwoFactorRequirement : IAuthorizationRequirement;

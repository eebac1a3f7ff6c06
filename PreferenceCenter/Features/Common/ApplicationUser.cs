using Microsoft.AspNetCore.Identity;

namespace PreferenceCenter.Features.Common;

/// <summary>The sign-in identity. Customer data lives on <see cref="Customer"/>, keyed by this user's id.</summary>
public sealed class ApplicationUser : IdentityUser;

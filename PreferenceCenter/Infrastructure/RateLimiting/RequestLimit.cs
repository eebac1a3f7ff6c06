namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>What a limited request does; each has its own limits in <see cref="RateLimitOptions"/>.</summary>
public enum RequestLimit
{
    SignIn,
    TwoFactor,
    Registration,
    AccountMail,
    EmailedLink,
    OneClickUnsubscribe,
    ErasureRequest,
    PreferenceForm,
}

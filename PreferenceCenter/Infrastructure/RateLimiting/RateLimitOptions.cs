namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// <c>RateLimits:*</c>. The defaults sit well above what a person does by hand (five wrong passwords lock the account
/// first; a mailbox takes a handful of account mails an hour) and far below a script's hundreds a second.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public ActionLimits SignIn { get; set; } = new(new(20, Minute), new(10, TimeSpan.FromMinutes(15)));

    /// <summary>Authenticator and recovery codes; per account, the lockout counts wrong codes.</summary>
    public ActionLimits TwoFactor { get; set; } = new(new(10, Minute), null);

    public ActionLimits Registration { get; set; } = new(new(20, Hour), new(3, Hour));

    /// <summary>Forgot password, resend confirmation, change email: the forms that send mail to an address typed in.</summary>
    public ActionLimits AccountMail { get; set; } = new(new(20, Hour), new(5, Hour));

    /// <summary>Pages opened from an emailed link, and their form posts: per address only (every forged token is new).</summary>
    public ActionLimits EmailedLink { get; set; } = new(new(60, Minute), null);

    /// <summary>
    /// RFC 8058 one-click POSTs come from mailbox providers' servers, many customers' from one address: generous, so a
    /// real unsubscribe is never refused, yet a forger's thousand a second are cut to ten.
    /// </summary>
    public ActionLimits OneClickUnsubscribe { get; set; } = new(new(600, Minute), null);

    /// <summary>"Forget me" runs in a live circuit (no request per click), so it is limited per customer.</summary>
    public ActionLimits ErasureRequest { get; set; } = new(null, new(5, Hour));

    /// <summary>
    /// Posts of /preferences' static forms (the questionnaire): each renders the page and may write an answer. A person
    /// saves a few a minute; an office behind one address still fits.
    /// </summary>
    public ActionLimits PreferenceForm { get; set; } = new(new(120, Minute), null);

    /// <summary>At most this many account mails (confirm, reset, "you already have an account", change email) per address per clock hour.</summary>
    public int AccountMailsPerAddressPerHour { get; set; } = 5;

    public ActionLimits For(RequestLimit action) => action switch
    {
        RequestLimit.SignIn => SignIn,
        RequestLimit.TwoFactor => TwoFactor,
        RequestLimit.Registration => Registration,
        RequestLimit.AccountMail => AccountMail,
        RequestLimit.EmailedLink => EmailedLink,
        RequestLimit.OneClickUnsubscribe => OneClickUnsubscribe,
        RequestLimit.ErasureRequest => ErasureRequest,
        RequestLimit.PreferenceForm => PreferenceForm,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

using Microsoft.Extensions.Options;

namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>Fails start-up naming each limit that could not work (no permits, a window under a second or over a day).</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public const int MaxMailsPerHour = 1000;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var action in Enum.GetValues<RequestLimit>())
        {
            var limits = options.For(action);
            var setting = $"{RateLimitOptions.Section}:{action}";
            problems.AddRange(new[] { limits.PerClient?.Problem(setting + ":PerClient"), limits.PerTarget?.Problem(setting + ":PerTarget") }.OfType<string>());
        }

        if (options.AccountMailsPerAddressPerHour is < 1 or > MaxMailsPerHour)
        {
            problems.Add($"{RateLimitOptions.Section}:AccountMailsPerAddressPerHour must be between 1 and {MaxMailsPerHour}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

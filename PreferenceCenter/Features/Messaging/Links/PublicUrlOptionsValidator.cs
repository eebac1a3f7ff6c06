using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>Fails start-up with the specific problem when <c>App:PublicBaseUrl</c> cannot be used in a link.</summary>
public sealed class PublicUrlOptionsValidator : IValidateOptions<PublicUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PublicUrlOptions.Problem(options.PublicBaseUrl) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}

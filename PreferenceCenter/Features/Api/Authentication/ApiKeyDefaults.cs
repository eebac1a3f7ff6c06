namespace PreferenceCenter.Features.Api.Authentication;

public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme of <c>/api/v1</c>: <c>Authorization: Bearer pck_…</c> (ADR 0009).</summary>
    public const string Scheme = "ApiKey";
}

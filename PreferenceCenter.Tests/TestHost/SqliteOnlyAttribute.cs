using Xunit.Sdk;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A test (or class of tests) about the SQLite store itself — its files, PRAGMAs, <c>SqliteConnection</c>s, SQLite-only
/// SQL — that cannot mean the same on PostgreSQL. Gives the trait <c>Store=SqliteOnly</c>, which test.sh's PostgreSQL
/// pass leaves out (<c>--filter "Store!=SqliteOnly"</c>); <paramref name="reason"/> says why, and names the PostgreSQL
/// counterpart where there is one.
/// </summary>
[TraitDiscoverer("PreferenceCenter.Tests.TestHost.SqliteOnlyTraitDiscoverer", "PreferenceCenter.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SqliteOnlyAttribute(string reason) : Attribute, ITraitAttribute
{
    public const string Trait = "Store";
    public const string Value = "SqliteOnly";

    public string Reason { get; } = reason;
}

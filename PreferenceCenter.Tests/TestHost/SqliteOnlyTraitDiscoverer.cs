using Xunit.Abstractions;
using Xunit.Sdk;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Turns <see cref="SqliteOnlyAttribute"/> into the trait <c>Store=SqliteOnly</c> that test filters see.</summary>
public sealed class SqliteOnlyTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [KeyValuePair.Create(SqliteOnlyAttribute.Trait, SqliteOnlyAttribute.Value)];
}

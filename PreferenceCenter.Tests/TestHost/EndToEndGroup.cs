namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Every browser and real-server test: one app host and one browser for all of them, tests run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<AppHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "End to end";
}

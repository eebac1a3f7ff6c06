using Microsoft.Extensions.Hosting;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>The real app as it runs in production: no repository-root settings, no demo data.</summary>
public sealed class ProductionAppHost : AppHost
{
    public ProductionAppHost()
        : base(Environments.Production)
    {
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Infrastructure.Configuration;

public sealed class RepositorySettingsTests
{
    private static ConfigurationManager Build(string environment, Action<ConfigurationManager>? afterJson = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(RepositoryPaths.App, "appsettings.json"));
        afterJson?.Invoke(configuration);
        configuration.AddRepositoryDevelopmentSettings(new HostingEnvironment { EnvironmentName = environment, ContentRootPath = RepositoryPaths.App });
        return configuration;
    }

    [Fact]
    public void InDevelopment_TheRepositoryRootFileIsRead()
    {
        Assert.True(Build(Environments.Development).GetValue<bool>("Seed:DemoData"));
    }

    [Fact]
    public void OutsideDevelopment_TheRepositoryRootFileIsNotRead()
    {
        Assert.False(Build(Environments.Production).GetValue<bool>("Seed:DemoData"));
    }

    [Fact]
    public void EnvironmentVariablesAddedEarlier_StillOverrideTheFile()
    {
        var configuration = Build(Environments.Development, c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:DemoData"] = "false" }));

        Assert.False(configuration.GetValue<bool>("Seed:DemoData"));
    }

    [Fact]
    public void InDevelopment_WithoutTheRepositoryAround_StartsOnTheOtherSettings()
    {
        // A published build: appsettings.json beside the app, and no appsettings.Development.json one folder up.
        var published = Directory.CreateTempSubdirectory("published-");
        try
        {
            var app = Directory.CreateDirectory(Path.Combine(published.FullName, "app")).FullName;
            File.Copy(Path.Combine(RepositoryPaths.App, "appsettings.json"), Path.Combine(app, "appsettings.json"));
            var configuration = new ConfigurationManager();
            configuration.AddJsonFile(Path.Combine(app, "appsettings.json"));

            configuration.AddRepositoryDevelopmentSettings(new HostingEnvironment { EnvironmentName = Environments.Development, ContentRootPath = app });

            Assert.False(configuration.GetValue<bool>("Seed:DemoData"));
            Assert.NotNull(configuration["Logging:LogLevel:Default"]);
        }
        finally
        {
            published.Delete(recursive: true);
        }
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests;

/// <summary>
/// The dependency rule of ADR 0008, read from the compiled app (IL, not using lines): features form one line, lowest
/// first, and each may use only the features before it, the shared kernel (<c>Features/Common</c>), <c>Data</c> and
/// <c>Infrastructure</c>. Two features that use each other, or a feature reaching up the line, fail here by name.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "PreferenceCenter.Features";

    /// <summary>Lowest first. A new feature goes where the features it uses are all above it in this list.</summary>
    public static readonly IReadOnlyList<string> FeatureOrder =
    [
        "Common", "Ledger", "PersonalData", "Accounts", "Privacy", "Messaging", "Erasure",
        "Consents", "Preferences", "Unsubscribe", "Api", "Webhooks", "Import", "Retention", "Insights", "History", "Receipts", "MyData", "Support",
        "Compliance",
    ];

    private static readonly Assembly App = typeof(AppDbContext).Assembly;

    public static TheoryData<string> EveryFeature() => [.. FeatureOrder];

    [Fact]
    public void Every_feature_folder_has_its_place_in_the_order()
    {
        var found = App.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(ns => ns!.Split('.')[2])
            .ToHashSet();

        Assert.Equal(FeatureOrder.Order(), found.Order());
    }

    [Theory]
    [MemberData(nameof(EveryFeature))]
    public void Feature_uses_no_feature_listed_after_it(string feature)
    {
        var later = FeatureOrder.SkipWhile(f => f != feature).Skip(1).Select(f => $"{Features}.{f}").ToArray();
        if (later.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(App).That().ResideInNamespace($"{Features}.{feature}")
            .ShouldNot().HaveDependencyOnAny(later).GetResult();

        Assert.True(result.IsSuccessful, Offenders($"{feature} uses a feature listed after it ({string.Join(", ", later)})", result));
    }

    [Fact]
    public void Infrastructure_uses_no_feature()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("PreferenceCenter.Infrastructure")
            .ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, Offenders("Infrastructure uses a feature", result));
    }

    [Fact]
    public void Ledger_has_no_user_interface()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace($"{Features}.Ledger")
            .ShouldNot().Inherit(typeof(ComponentBase)).GetResult();

        Assert.True(result.IsSuccessful, Offenders("Ledger holds a component", result));
    }

    /// <summary>
    /// Features use the context, its transactions and the statement helpers; how the database is built, migrated,
    /// seeded and tuned is the data layer's own business.
    /// </summary>
    [Fact]
    public void Features_leave_the_data_layers_internals_alone()
    {
        string[] internals =
        [
            "PreferenceCenter.Data.Migrations", typeof(DatabaseInitializer).FullName!,
            typeof(DevelopmentSeeder).FullName!, typeof(AppDbContextInterceptors).FullName!,
            typeof(SqliteConnectionSettings).FullName!, typeof(PersonalDataRetrofit).FullName!,
        ];

        var result = Types.InAssembly(App).That().ResideInNamespace(Features)
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();

        Assert.True(result.IsSuccessful, Offenders("A feature reaches into the data layer's internals", result));
    }

    private static string Offenders(string rule, TestResult result) =>
        $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}

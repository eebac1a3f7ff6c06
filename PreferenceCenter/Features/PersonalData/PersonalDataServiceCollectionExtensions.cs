using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace Microsoft.Extensions.DependencyInjection;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>
    /// The per-customer key store (its own database), the protector, blind index and suppression list. The keys are
    /// decoded when first resolved; the start-up initializer resolves them, so a missing or malformed key stops start-up with its name.
    /// </summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        var database = DatabaseSettings.From(configuration, contentRoot);
        var keyStoreConnection = database.KeyStoreConnectionString;
        services.AddSingleton(_ => PersonalDataKeys.From(options));
        // The key store sits on the same provider as the main database, in a database (or file) of its own.
        services.AddSingleton<CustomerKeyStore>(sp => database.Provider == DatabaseProvider.PostgreSQL
            ? new PostgreSqlCustomerKeyStore(keyStoreConnection, sp.GetRequiredService<PersonalDataKeys>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PostgreSqlCustomerKeyStore>>())
            : new SqliteCustomerKeyStore(keyStoreConnection, sp.GetRequiredService<PersonalDataKeys>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<ILedgerTextSealer, LedgerTextSealer>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<SuppressionList>();
        services.AddSingleton<CustomerProfileService>();
        services.AddSingleton<CustomerLookup>();
        services.AddSingleton<AccountSealer>();
        services.AddScoped<PersonalDataRetrofit>();
        services.AddKeyRingSealing();
        services.AddScoped<KeyRingRetrofit>();
        // Identity's user lookups go through the blind index too (replacing its upper-case normaliser).
        services.AddSingleton<ILookupNormalizer, BlindIndexLookupNormalizer>();
        return services;
    }

    /// <summary>
    /// The Data Protection key ring (emailed links, sign-in cookies) is sealed under the master key where it is stored,
    /// so the database file alone yields no key (<see cref="KeyRingEncryptor"/>). Needs <see cref="PersonalDataKeys"/>.
    /// </summary>
    public static IServiceCollection AddKeyRingSealing(this IServiceCollection services)
    {
        services.AddOptions<KeyManagementOptions>().Configure<PersonalDataKeys>((options, keys) => options.XmlEncryptor = new KeyRingEncryptor(keys));
        return services;
    }
}

using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace Microsoft.Extensions.DependencyInjection;

public static class PreferencesServiceCollectionExtensions
{
    public static IServiceCollection AddPreferences(this IServiceCollection services) => services
        .AddSingleton<SqliteFactsReaders>()
        .AddSingleton<ContactDecisionService>()
        .AddSingleton<ContactReservations>()
        .AddHostedService(sp => sp.GetRequiredService<ContactReservations>())
        .AddSingleton<ContactRulesService>()
        .AddSingleton<AnswerService>()
        .AddSingleton<UsableAnswerService>()
        .AddSingleton<FeedbackService>()
        .AddSingleton<QuestionAdminService>()
        // Scoped: it signs in through Identity's scoped managers.
        .AddScoped<ManageLinkSignIn>()
        // Seams of ADR 0008: the renewal reminder (Consents) and erasure ask Preferences through these.
        .AddSingleton<IContactPauses, ContactPauses>()
        .AddSingleton<ICustomerDataEraser, PreferencesDataEraser>();
}

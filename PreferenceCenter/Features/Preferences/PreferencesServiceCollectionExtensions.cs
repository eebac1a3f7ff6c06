using PreferenceCenter.Features.Preferences;

namespace Microsoft.Extensions.DependencyInjection;

public static class PreferencesServiceCollectionExtensions
{
    public static IServiceCollection AddPreferences(this IServiceCollection services) => services
        .AddSingleton<ContactDecisionService>()
        .AddSingleton<ContactRulesService>()
        .AddSingleton<AnswerService>()
        .AddSingleton<UsableAnswerService>()
        .AddSingleton<FeedbackService>()
        .AddSingleton<QuestionAdminService>();
}

using PreferenceCenter.Infrastructure.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The database lease every scheduled job takes before a batch; the jobs themselves register with their feature.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseLease>();
        return services;
    }
}

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PreferenceCenter.Tests.TestHost;

public static class ComponentTestContextExtensions
{
    /// <summary>
    /// What every component test needs: MudBlazor without transitions, real localisation (English unless a test
    /// says otherwise) and loose JS interop for MudBlazor's own calls.
    /// </summary>
    public static BunitContext AddPreferenceCenterTestServices(this BunitContext context, string culture = "en")
    {
        ArgumentNullException.ThrowIfNull(context);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit's one second is short for a page whose queries truly await (PostgreSQL) on a loaded 2-core machine;
        // a wait that succeeds returns as soon as it does, so only a failing test waits longer.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        context.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        context.Services.AddLocalization();
        return context;
    }
}

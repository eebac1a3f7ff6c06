using MudBlazor.Services;
using PreferenceCenter.Components;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositoryDevelopmentSettings(builder.Environment);
var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
if (VerifyLedgerCommand.IsRequested(args))
{
    // Before any service is added: the check only reads the database, so it needs none of the app's keys or settings.
    return await VerifyLedgerCommand.RunAsync(args, database, Console.Out);
}

if (await DatabaseReachability.ProblemAsync(database) is { } unreachable)
{
    // Exit non-zero with what to check: a supervisor restarts us, an operator reads why.
    await Console.Error.WriteLineAsync(unreachable);
    return 2;
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddBenchmarkDiagnostics(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddSingleton<PreferenceCenter.Components.Layout.ThemeStylesheet>();
builder.Services.AddSecurityHeaders();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddAppLocalization();
builder.Services.AddAppDatabase(database);
builder.Services.AddLedger();
builder.Services.AddPersonalData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddJobs();
builder.Services.AddAccounts();
builder.Services.AddMessaging(builder.Configuration);
builder.Services.AddPrivacy();
builder.Services.AddConsents();
builder.Services.AddLifecycle(builder.Configuration);
builder.Services.AddPreferences();
builder.Services.AddErasure();
builder.Services.AddErasureWorkflow(builder.Configuration);
builder.Services.AddMyData();
builder.Services.AddSupport();
builder.Services.AddApi();
builder.Services.AddWebhooks(builder.Configuration, builder.Environment);
builder.Services.AddImport(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddCompliance(builder.Configuration);
builder.Services.AddInsights();
builder.Services.AddReceipts(builder.Configuration);
builder.Services.AddRequestLimits();

var app = builder.Build();
app.LogRepositorySettings();
await app.InitializeDatabaseAsync();
if (ImportCatalogCommand.IsRequested(args))
{
    return await ImportCatalogCommand.RunAsync(args, app.Services, Console.Out);
}

app.UseTrustedProxies();
// Outermost after the proxy step: a database that is away is a 503 and a page that needs no database, in every environment.
app.UseRequestLocalization();
app.UseMiddleware<DatabaseUnavailableResponses>();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    // Development runs on plain http (see launchSettings); everywhere else, only https.
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseMiddleware<RequestBodyGuard>();
app.UseMiddleware<ApiProblemResponses>();
app.UseAuthentication();
app.UseAuthorization();
app.UseGlobalPrivacyControl();
// After authorization: the API's limits are per client, so the caller must be known first. Sign-in, sign-up,
// account mail and emailed links are limited per client address and per address named ([RateLimited]).
app.UseRequestLimits();
app.UseAntiforgery();

app.MapStaticAssets();
// Blazor's own frame-ancestors header would duplicate (and loosen) the policy UseSecurityHeaders sends.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAdditionalIdentityEndpoints();
app.MapCultureEndpoint();
app.MapMyData();
app.MapReceipts();
app.MapUnsubscribe();
app.MapBenchmarkDiagnostics();
app.MapDatabaseHealth();
app.MapApi();
app.MapImport();
app.MapInsights();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so the test host can start the real app.</summary>
public partial class Program;

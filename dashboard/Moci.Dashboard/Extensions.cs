using Microsoft.Extensions.Options;
using Moci.Kit;
using Moci.Kit.Options;
using Moci.Dashboard.Apis;
using Moci.Dashboard.Charts;
using Moci.Dashboard.Components;
using Moci.Dashboard.Options;
using Moci.Dashboard.Stations;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;

namespace Moci.Dashboard;

/// <summary>Wiring of the dashboard.</summary>
public static class Extensions
{
    /// <summary>
    /// Binds and validates <see cref="ChartOptions"/>: first the licence of the <c>Exports</c> section, then the
    /// <c>Charts</c> section over it (configure actions run in the order they are added).
    /// </summary>
    internal static OptionsBuilder<ChartOptions> AddChartOptions(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ChartOptions>, ChartOptionsValidator>();
        return services.AddOptions<ChartOptions>()
            .Configure<IConfiguration>(ChartOptions.TakeExportLicence)
            .BindConfiguration(ChartOptions.Section)
            .ValidateOnStart();
    }

    /// <summary>
    /// Adds the Blazor pages, server-side charts and, when <c>Demo:Enabled</c> is true (and <c>Intake:Enabled</c> is
    /// not false), simulated stations that publish to the hub's own broker (by default every registered station).
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        // Serve the framework's static files from the build output in every environment, not only in
        // Development (otherwise `dotnet run` in Production answers 500 for blazor.web.js).
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddChartOptions();
        services.AddSingleton<ChartRenderer>();
        services.AddSingleton<StationOverview>();

        // Without fontconfig, Skia resolves "sans" to a serif face; PNG charts would print in it.
        if (ScottPlot.Fonts.GetTypeface("DejaVu Sans", false, false)?.FamilyName == "DejaVu Sans")
        {
            ScottPlot.Fonts.Default = "DejaVu Sans";
        }

        // A dashboard of its own (Intake:Enabled=false) runs no demo stations: they publish to the hub's own broker
        // and have the registry issue them secrets, and such a dashboard only reads the hub's database.
        if (builder.Configuration.GetValue("Demo:Enabled", false) && builder.Configuration.GetValue("Intake:Enabled", true))
        {
            builder.AddSimulatedStations("Demo", "Broker", demo =>
            {
                if (demo.Stations.Count == 0)
                {
                    builder.Configuration.GetSection(StationRegistryOptions.Section).Bind(demo.Stations);
                }
            });

            // Their outboxes live in a folder of the hub's, next to its database, unless Demo:Outbox:Directory names one.
            if (builder.Configuration["Demo:Outbox:Directory"] is null)
            {
                services.AddOptions<OutboxOptions>().PostConfigure<IOptions<StorageOptions>>((outbox, storage) =>
                    outbox.Directory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath))!, "demo-outbox"));
            }

            // The demo stations log in like real ones, with secrets the hub issues to them at every start
            // and hands over in memory; they are never written anywhere.
            services.AddOptions<SimulationOptions>().PostConfigure<StationRegistry>((demo, registry) =>
            {
                foreach (var station in demo.Stations.Where(s => s.Secret is null && registry.TryGet(s.Id, out _)))
                {
                    station.Secret = registry.IssueSecret(station.Id);
                }
            });
        }

        return builder;
    }

    /// <summary>
    /// The request pipeline of the pages: errors become the error and not-found pages. Call
    /// <c>UseIngestErrors</c> after it, so that requests for the read API (<c>/api</c>) get ProblemDetails
    /// answers instead: an API error is answered before it reaches these handlers.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the pages, their static files and the chart export.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapChartsApi();
        return app;
    }
}

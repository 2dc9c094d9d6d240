using System.Net;
using JimPam.Wiki.Infrastructure;
using OpenTelemetry.Metrics;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format (OpenTelemetry's exporter), when <c>Wiki:Metrics:Enabled</c> is set:
/// ASP.NET Core's request rate and latency (<c>http_server_request_duration_seconds</c>), Kestrel's connections, the
/// runtime's memory and garbage collections (<c>dotnet_*</c>), and the wiki's own saves, page-cache lookups and
/// database time (<see cref="WikiMetrics"/>). Only loopback and the networks of <c>Wiki:Metrics:AllowedNetworks</c>
/// may read it; anyone else gets the not-found page.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddWikiMetrics(this IServiceCollection services)
    {
        services.AddSingleton<WikiMetrics>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, WikiMetrics.CommandTiming>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // Each scrape sees the counts of that moment (the exporter's default keeps an answer for 300 ms).
            metrics.AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0);
            ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
            {
                // Off unless configured: without meters nothing listens, and a measurement costs a counter's check.
                if (provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WikiOptions>>().Value.Metrics.Enabled)
                {
                    // System.Runtime: the process's memory and the garbage collector's heap by generation after its
                    // last collection, which tells live data that grows from a heap that has only not been collected.
                    builder.AddMeter(WikiMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                }
            });
        });
        return services;
    }

    public static WebApplication UseWikiMetrics(this WebApplication app, WikiOptions options)
    {
        if (!options.Metrics.Enabled)
        {
            return app;
        }

        var networks = options.Metrics.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Connection.RemoteIpAddress is { } client
            && (IPAddress.IsLoopback(client) || networks.Any(n => n.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client))));
        return app;
    }
}

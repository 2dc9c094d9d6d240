using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// Serilog from configuration (the readable console line by default), an optional machine-readable JSON
/// file, control characters escaped in every property, and one event per request.
/// </summary>
public static class WikiLogging
{
    public static WebApplicationBuilder AddWikiLogging(this WebApplicationBuilder builder)
    {
        // Read from the services, not the builder: settings that tests and hosts add late are in by then.
        // Each host keeps its own logger (the static Log.Logger is left alone), so two hosts in one process,
        // as in the tests, never write to each other's sinks.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(services)
                .Enrich.With<ControlCharacterEscaper>();
            var jsonLogPath = configuration[$"{WikiOptions.Section}:{nameof(WikiOptions.JsonLogPath)}"];
            if (!string.IsNullOrWhiteSpace(jsonLogPath))
            {
                logger.WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.GetFullPath(jsonLogPath, services.GetRequiredService<IHostEnvironment>().ContentRootPath),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 31,
                    fileSizeLimitBytes: 100L * 1024 * 1024,
                    rollOnFileSizeLimit: true);
            }
        });
        return builder;
    }

    /// <summary>
    /// One event per request, written when the response is done, so it carries the status the client got
    /// (after the error and not-found pages ran), the exception behind a 500, and the trace id the error
    /// page shows. The path is logged in its escaped form, so no request can write a line of its own.
    /// </summary>
    public static IApplicationBuilder UseWikiRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();

            // The reason, when something refused the request or could not serve it, ends the same line.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms{Reason}";
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue((context.Request.PathBase + context.Request.Path).ToUriComponent())),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
                new("Reason", new ScalarValue(RequestLogReason.Suffix(context))),
            ];
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
                if (context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
                {
                    diagnostics.SetException(error);
                }
            };
            options.GetLevel = (context, _, exception) => Level(context, exception);
        });

    private static LogEventLevel Level(HttpContext context, Exception? exception)
    {
        // A reader who closes the tab mid-request is not a fault of the server.
        if (context.RequestAborted.IsCancellationRequested)
        {
            return LogEventLevel.Information;
        }

        if (exception is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return LogEventLevel.Error;
        }

        // A 5xx with a known cause (a full disk, a database that stayed busy) is the operator's to fix, not a bug.
        return context.Response.StatusCode >= 500
            ? RequestLogReason.IsSet(context) ? LogEventLevel.Warning : LogEventLevel.Error
            : LogEventLevel.Information;
    }
}

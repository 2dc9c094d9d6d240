using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// Kestrel refuses some requests before the app sees them (a request line over its limit: 414; headers over theirs:
/// 431; a malformed request line or header: 400), so the request log never hears of them. Kestrel reports each on
/// the app's DiagnosticSource; this writes each as one event at Information, like the request log's own, with the
/// status the client got, its address and Kestrel's reason, and no stack trace.
/// </summary>
public sealed class RefusedRequestLog(ILogger logger) : IObserver<KeyValuePair<string, object?>>
{
    private const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Listens for the app's lifetime.</summary>
    public static void Start(WebApplication app)
    {
        var log = new RefusedRequestLog(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("JimPam.Wiki.Hosting.RefusedRequests"));
        var subscription = app.Services.GetRequiredService<DiagnosticListener>().Subscribe(log, name => name == BadRequestEvent);
        app.Lifetime.ApplicationStopped.Register(subscription.Dispose);
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequestEvent || value.Value is not IFeatureCollection features)
        {
            return;
        }

        var error = features.Get<IBadRequestExceptionFeature>()?.Error;
        var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // A body over the limit is found only as the app reads it: the app answers it (FormReading), and its
            // request log event says so.
            return;
        }

        logger.LogInformation(
            "HTTP request from {ClientAddress} refused with {StatusCode} before the app read it: {Reason}",
            features.Get<IHttpConnectionFeature>()?.RemoteIpAddress?.ToString(), status, error?.Message ?? "a malformed request");
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

using JimPam.Wiki.Data;

namespace JimPam.Wiki.Hosting;

/// <summary>Runs the app and turns a failed start into one log line and a non-zero exit code.</summary>
public static class WikiHost
{
    public const int StartupFailed = 1;

    public static async Task<int> RunAsync(WebApplication app, WikiOptions options, Func<Task<int>> run)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WikiHost).FullName!);
        try
        {
            if ((options.Problem() ?? WikiStore.Problem(app.Configuration)) is { } problem)
            {
                throw new StartupException(problem);
            }

            return await run();
        }
        catch (StartupException e)
        {
            logger.LogCritical("JimPam.Wiki cannot start: {Problem}", e.Message);
            return StartupFailed;
        }
        catch (IOException e) when (e.InnerException?.GetType().Name == "AddressInUseException")
        {
            logger.LogCritical("JimPam.Wiki cannot start: {Problem} Is another instance running? Set Urls to another address.", e.Message);
            return StartupFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "JimPam.Wiki stopped on an unexpected error: {Problem}", e.Message);
            return StartupFailed;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Behind deploy/nginx's micro-cache (<c>Wiki:FrontCache</c>): every response tells nginx it may keep it until the end
/// of the current second (<c>X-Accel-Expires: @&lt;this second&gt;</c>, which nginx reads and never passes on). nginx
/// counts lifetimes in whole seconds, so its own "1s" keeps a page between one and two seconds; this keeps it at most
/// one, and an edit reaches anonymous readers through the front within a second. Set as the response starts, so a
/// page served from the app's own cache gets this second's value, not the one it was stored with.
/// </summary>
public static class FrontCacheHint
{
    public const string Header = "X-Accel-Expires";

    public static IApplicationBuilder UseFrontCacheHint(this IApplicationBuilder app, TimeProvider clock) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = "@" + clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    });
}

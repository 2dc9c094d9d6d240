namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Why a request was refused or could not be served, in a few words, for its one request-log event (the request
/// log adds it to its line). Set by whatever answered the request, so the log names the cause without a second
/// event or a stack trace.
/// </summary>
public static class RequestLogReason
{
    private static readonly object Key = new();

    public static void Set(HttpContext http, string reason) => http.Items[Key] = reason;

    /// <summary>The reason as the log line's tail (": reason"), or empty when none was given.</summary>
    public static string Suffix(HttpContext http) => http.Items.TryGetValue(Key, out var reason) && reason is string text ? ": " + text : "";

    public static bool IsSet(HttpContext http) => http.Items.ContainsKey(Key);
}

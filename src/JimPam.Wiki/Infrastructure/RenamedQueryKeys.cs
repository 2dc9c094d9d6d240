namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Query keys the wiki once used and their names now: one word per concept (README, "Glossary"). A GET or HEAD that
/// still uses an old key is redirected, permanently, to the same address with the key's current name, so bookmarks,
/// feeds and API clients made before the rename keep working. When both names are given, the current one wins.
/// </summary>
public static class RenamedQueryKeys
{
    /// <summary>Old key, current key.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["couple"] = WikiQueryKeys.Relationship,
        ["page"] = WikiQueryKeys.Paging,
    };

    public static IApplicationBuilder UseRenamedQueryKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Query.Keys.Any(Renamed.ContainsKey))
            {
                await next(context);
                return;
            }

            var old = request.Query.Keys.First(Renamed.ContainsKey);
            var current = request.Query.Keys.Where(k => !Renamed.ContainsKey(k)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var values = new List<KeyValuePair<string, string?>>();
            foreach (var (key, given) in request.Query)
            {
                var name = Renamed.TryGetValue(key, out var renamed) ? renamed : key;
                if (renamed is not null && current.Contains(name))
                {
                    continue;
                }

                values.AddRange(given.Select(v => new KeyValuePair<string, string?>(name, v)));
            }

            RequestLogReason.Set(context, $"the query key {old} is now {Renamed[old]}");
            context.Response.Redirect(request.PathBase + request.Path + QueryString.Create(values), permanent: true);
        });
}

/// <summary>The query keys the pages and the API share.</summary>
public static class WikiQueryKeys
{
    /// <summary>Which relationship a season or a list is about, by its slug (the first relationship has none).</summary>
    public const string Relationship = "relationship";

    /// <summary>Which page of a long list, from 1.</summary>
    public const string Paging = "p";
}

using System.Net;
using JimPam.Wiki.Api;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Media;
using JimPam.Wiki.Sitemap;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.ResponseCompression;

namespace JimPam.Wiki.Hosting;

/// <summary>The web side of the app: its services and its request pipeline, in the order that matters.</summary>
public static class WikiWeb
{
    public static IServiceCollection AddWikiWeb(this IServiceCollection services)
    {
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<WikiAddresses>();
        services.AddSingleton(provider =>
        {
            var addresses = provider.GetRequiredService<WikiAddresses>();
            return new JimPam.Wiki.Content.LinkAddresses(addresses.Of, addresses.Missing);
        });
        services.AddOutputCache(options =>
        {
            // "/Seasons/3" answers with a redirect to "/seasons/3"; it must not be served the cached page instead.
            options.UseCaseSensitivePaths = true;
            options.SizeLimit = 32L * 1024 * 1024;
            options.AddPolicy(WikiPagePolicy.Name, new WikiPagePolicy([JimPam.Wiki.Story.SpoilerShield.ShowKey, WikiQueryKeys.Relationship]));
            options.AddPolicy(WikiPagePolicy.PagedName, new WikiPagePolicy([WikiQueryKeys.Paging, JimPam.Wiki.Story.SpoilerShield.ShowKey]));
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/NotFound", "/not-found");
            // The first relationship's timeline also answers at /timeline; links with a slug use the page's own route.
            options.Conventions.AddPageRouteModelConvention("/Timeline/Index", model => model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "timeline", Order = 1 },
            }));
            AddNewEntryRoute(options.Conventions, "/Admin/Episodes/Edit", "admin/episodes/new");
            AddNewEntryRoute(options.Conventions, "/Admin/Characters/Edit", "admin/characters/new");
            AddNewEntryRoute(options.Conventions, "/Admin/Jokes/Edit", "admin/jokes/new");
            AddNewEntryRoute(options.Conventions, "/Admin/Relationships/Edit", "admin/relationships/new");
            options.Conventions.AuthorizeFolder("/Admin", JimPam.Wiki.Accounts.WikiAccounts.EditorPolicy);
            options.Conventions.ConfigureFilter(new MethodNotAllowedFilter());
            options.Conventions.ConfigureFilter(new StorageFaultFilter());
            options.Conventions.ConfigureFilter(new FormReadingFilter());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc =>
        {
            // jQuery-style names ("a[b]") are no field of the wiki's, and MVC's reader of them threw ArgumentException,
            // a 500 before any handler, on any form or query key whose brackets do not pair ("[[x"; found by
            // GeneratedRequestTests). Without them, such a key is a key like any other, which nothing binds.
            mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            mvc.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddWikiApi();
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        return services;
    }

    /// <summary>
    /// A second address for an edit form, where it makes a new entry. It comes after the page's own route when links are
    /// made, so a link (or a form's action, or a button's formaction) to an entry's form with its id names the entry's
    /// address, never "new?id=1", and a Preview there keeps the edit (a Preview had posted to "new relationship").
    /// </summary>
    private static void AddNewEntryRoute(PageConventionCollection conventions, string page, string template) =>
        conventions.AddPageRouteModelConvention(page, model => model.Selectors.Add(new SelectorModel
        {
            AttributeRouteModel = new AttributeRouteModel { Template = template, Order = 1 },
        }));

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiResource.Prefix) || context.Request.Path.StartsWithSegments(ApiResource.OpenApiFolder);

    public static WebApplication UseWikiPipeline(this WebApplication app, WikiOptions options)
    {
        if (options.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        RefusedRequestLog.Start(app);
        app.UseWikiRequestLogging();
        if (options.FrontCache)
        {
            app.UseFrontCacheHint(app.Services.GetRequiredService<TimeProvider>());
        }

        app.UseWikiSecurityHeaders();
        app.UseFormReading();
        app.UseRenamedQueryKeys();
        app.UseWikiMetrics(options);

        // A cached page is served right after the request log and the security headers: it needs only its endpoint
        // (for its cache policy) and the user (an editor is never served a reader's page). Everything after this
        // runs only when a page renders: compression (so the cache keeps each page compressed, one copy per
        // Accept-Encoding) and the ETag are stored with it. The error and not-found pages re-execute from the
        // second UseRouting below, which routes only a request that has no endpoint yet.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAddressCheck(IsApi);
        app.UseOutputCache();
        if (!app.Environment.IsDevelopment())
        {
            // The request log already records the exception, once; the handler's own copy would be a second event.
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", SuppressDiagnosticsCallback = _ => true });
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use(async (context, next) =>
        {
            await next(context);

            // Only a missing page gets the not-found page; a 405 or 400 must not read "not found".
            if (context.Response.StatusCode != StatusCodes.Status404NotFound
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
        });
        app.UseBlankRouteValuesAsNotFound(IsApi);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRouting();

        // An error of the API with no body of its own (a query value its handler cannot bind, say) is a problem document.
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<ApiResource>() is not null, api => api.UseStatusCodePages());
        app.UseRateLimiter();
        app.UseResponseCompression();
        app.UseAuthorization();
        app.UsePageETags();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapRazorPages().WithStaticAssets();
        app.MapSitemap();
        app.MapMedia();
        app.MapWikiApi();

        // The endpoints join the routing now, not when the server starts: the address book (LinkGenerator) makes
        // links from them before then (the seed import at start-up, the command-line commands).
        app.UseEndpoints(_ => { });
        return app;
    }
}

using System.Threading.RateLimiting;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// Editor accounts: ASP.NET Core Identity on the wiki's own database, a cookie that is HttpOnly, SameSite and
/// (outside Development) Secure, lockout after repeated failures, a rate limit on the login form, security
/// stamps checked on every request (so disabling an editor or resetting a password ends their sessions at
/// once), and Data Protection keys kept in the database, so a restart logs nobody out and every instance on the
/// database reads the same cookies.
/// </summary>
public static class WikiAccounts
{
    public const string EditorPolicy = "Editor";
    public const string LoginRateLimit = "login";

    /// <summary>Login form submissions allowed per client address in each window.</summary>
    public const int LoginAttemptsPerWindow = 10;

    public static IServiceCollection AddWikiAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentityCore<IdentityUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): a long passphrase, no forced symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<WikiDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();

        // Outside Development, cookies travel over HTTPS only: the antiforgery cookie as well as the session's, so
        // neither is ever sent in the clear.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        if (!environment.IsDevelopment())
        {
            services.AddAntiforgery(antiforgery => antiforgery.Cookie = new SecureCookieBuilder
            {
                Name = antiforgery.Cookie.Name,
                SameSite = antiforgery.Cookie.SameSite,
                HttpOnly = antiforgery.Cookie.HttpOnly,
                IsEssential = antiforgery.Cookie.IsEssential,
            });
        }

        // Where a visitor without a session is sent: the login page's address, from its route.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<LinkGenerator>((cookie, links) =>
                cookie.LoginPath = cookie.AccessDeniedPath = links.GetPathByPage("/Account/Login") ?? throw new InvalidOperationException("No route for the login page"));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "jimpam.editor";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context =>
            {
                // A form posted without a session is refused outright; only a page view is sent to log in.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
        });
        services.AddSingleton<EditorSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<EditorSessionStore>((cookie, store) => cookie.SessionStore = store);
        services.AddScoped<EditorLogin>();
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;

            // The refreshed claims keep the session's key, so the account page knows which session is this one.
            options.OnRefreshingPrincipal = refreshing =>
            {
                if (refreshing.CurrentPrincipal?.FindFirst(EditorSessionStore.SessionIdClaim) is { } session && refreshing.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(EditorPolicy, policy => policy.RequireAuthenticatedUser());

        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<WikiOptions>>((options, wiki) =>
        {
            var window = wiki.Value.RateLimitWindow;
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerWindow, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("views"));
        });

        services.AddDataProtection().SetApplicationName("JimPam.Wiki").PersistKeysToDbContext<WikiDbContext>();
        return services;
    }
}

/// <summary>
/// A cookie marked Secure on every request. Antiforgery's own "Always" policy would throw on a request that did not
/// come over HTTPS (a 500 on the login page of a wiki served over plain HTTP); this one marks the cookie so the browser
/// keeps it for HTTPS, as the session cookie is kept, and the request is answered.
/// </summary>
internal sealed class SecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// The site's public address, for canonical links: Wiki:PublicBaseUrl when set, otherwise the address the app
/// listens on. Never the request's Host header, which any client can forge.
/// </summary>
public sealed class SiteAddress(IOptions<WikiOptions> options, IServer server)
{
    private string? _baseUrl;

    /// <summary>Scheme, host and port, without a trailing slash: "http://127.0.0.1:5080".</summary>
    public string BaseUrl => _baseUrl ??= Resolve();

    public string Absolute(string path) => BaseUrl + path;

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}

using JimPam.Wiki.Import;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>The seeded wiki, and one grown to 10 couples and 3,000 parts (about 330 a season), both uncached.</summary>
public sealed class UncachedWikis : IAsyncLifetime
{
    public const string Name = "Uncached wikis";

    public WikiAppFactory Seed { get; } = Uncached();

    public WikiAppFactory Grown { get; } = Uncached();

    private static WikiAppFactory Uncached()
    {
        var app = new WikiAppFactory();
        app.Settings["Wiki:OutputCache"] = "false";
        return app;
    }

    public async Task InitializeAsync()
    {
        foreach (var app in new[] { Seed, Grown })
        {
            using var client = app.CreateReader();
            (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        }

        await using var scope = Grown.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyntheticWiki>().GrowAsync(10, 3000, (_, _) => { }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Seed.DisposeAsync();
        await Grown.DisposeAsync();
    }
}

[CollectionDefinition(UncachedWikis.Name)]
public sealed class UncachedWikisShared : ICollectionFixture<UncachedWikis>;

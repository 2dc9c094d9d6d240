namespace JimPam.Wiki.Tests.Pages;

/// <summary>The page tests share one seeded app: they only read, so one database serves them all.</summary>
[CollectionDefinition(Name)]
public sealed class SeededWiki : ICollectionFixture<WikiAppFactory>
{
    public const string Name = "Seeded wiki";
}

namespace JimPam.Wiki.Import;

public static class ImportSetup
{
    /// <summary>Registers the seed's importer and upgrade, and the maker of synthetic wikis for measuring.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<SeedImporter>();
        services.AddScoped<SeedUpgrade>();
        services.AddScoped<SyntheticWiki>();
        return services;
    }
}

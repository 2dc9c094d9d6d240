using JimPam.Wiki.Content;

namespace JimPam.Wiki.Entries;

public static class EntriesSetup
{
    /// <summary>Registers the one writer of entries, what follows its writes, and the data the writer itself derives (bodies, "last edited").</summary>
    public static IServiceCollection AddEntries(this IServiceCollection services)
    {
        services.AddSingleton<WikiMarkdown>();
        services.AddSingleton<StoredBodies>();
        services.AddSingleton<IDerivedData>(provider => provider.GetRequiredService<StoredBodies>());
        services.AddSingleton<IDerivedData, LastEdited>();
        services.AddSingleton<AfterWritePipeline>();
        services.AddSingleton<DerivedData>();
        services.AddScoped<PreviewRenderer>();
        services.AddScoped<EntryWriter>();
        return services;
    }

    /// <summary>
    /// Registers a handler of every write (<see cref="IAfterWrite"/>), and the data it derives (<see cref="IDerivedData"/>)
    /// if it keeps some. Handlers run in their stages' order, whatever the order they were registered in.
    /// </summary>
    public static IServiceCollection AddAfterWrite<THandler>(this IServiceCollection services)
        where THandler : class, IAfterWrite
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IAfterWrite>(provider => provider.GetRequiredService<THandler>());
        if (typeof(IDerivedData).IsAssignableFrom(typeof(THandler)))
        {
            services.AddSingleton(provider => (IDerivedData)provider.GetRequiredService<THandler>());
        }

        return services;
    }
}

using Microsoft.EntityFrameworkCore.Design;

namespace JimPam.Wiki.Data.Postgres;

/// <summary>
/// For <c>dotnet ef migrations add … --context PostgresWikiDbContext</c> (run with this project as the startup project):
/// the model needs no server, and the migrations go to their own project, as the app's do.
/// </summary>
internal sealed class PostgresWikiDbContextFactory : IDesignTimeDbContextFactory<PostgresWikiDbContext>
{
    public PostgresWikiDbContext CreateDbContext(string[] args) => new(PostgresStore.Options("Host=localhost;Database=jimpam"));
}

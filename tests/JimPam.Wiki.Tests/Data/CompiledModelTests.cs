using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using JimPam.Wiki.Data.CompiledModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JimPam.Wiki.Tests.Data;

/// <summary>
/// The app starts on a compiled EF Core model (JimPam.Wiki.Schema.Sqlite/CompiledModels, made by "dotnet ef dbcontext optimize"), which
/// saves building the model at every start. It must describe exactly what the entity classes and configurations do:
/// a change to either without regenerating it fails here.
/// </summary>
public sealed class CompiledModelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_compiled_model_the_app_starts_on_matches_the_model_the_code_describes()
    {
        using var db = _folder.NewMigratedDb();

        Assert.IsType<WikiDbContextModel>(db.Model);
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
    }

    /// <summary>The app's migrate skips EF Core's check for changes without a migration (it costs a second at each start); here it is made.</summary>
    [Fact]
    public void The_migrations_describe_every_change_of_the_model()
    {
        using var db = _folder.NewMigratedDb();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed without a migration: dotnet ef migrations add ...");
    }

    /// <summary>PostgreSQL's context has a compiled model and migrations of its own (JimPam.Wiki.Schema.Postgres); neither needs a server to check.</summary>
    [Fact]
    public void The_PostgreSQL_context_starts_on_its_own_compiled_model_and_its_migrations_describe_every_change()
    {
        using var db = new JimPam.Wiki.Data.Postgres.PostgresWikiDbContext(JimPam.Wiki.Data.Postgres.PostgresStore.Options("Host=127.0.0.1;Database=unused"));

        Assert.IsType<JimPam.Wiki.Data.Postgres.CompiledModels.PostgresWikiDbContextModel>(db.Model);
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model).Count, Describe(new WikiDbContext(SqliteStore.Options("Data Source=:memory:")).Model).Count);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed without a PostgreSQL migration: dotnet ef migrations add ... --context PostgresWikiDbContext");
        Assert.All(db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)), p => Assert.Equal("C", p.GetCollation()));
    }

    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity => new[] { $"{entity.Name} -> {entity.GetTableName()}" }
            .Concat(entity.GetProperties().Select(p => $"  {entity.Name}.{p.Name}: {p.ClrType.Name} column {p.GetColumnName()} {(p.IsNullable ? "null" : "not null")} {p.GetMaxLength()} {p.IsConcurrencyToken} {p.ValueGenerated}"))
            .Concat(entity.GetKeys().Select(k => $"  key {entity.Name}({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}"))
            .Concat(entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()}({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"))
            .Concat(entity.GetForeignKeys().Select(f => $"  fk {entity.Name}({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Concat(entity.GetNavigations().Select(n => $"  nav {entity.Name}.{n.Name}"))).Order(StringComparer.Ordinal),
    ];

    public void Dispose() => _folder.Dispose();
}

using JimPam.Bench.Reference;
using Microsoft.EntityFrameworkCore;

// A minimal Razor Pages app of the same framework as the wiki, for bench/run.sh's ratios:
//   /cached/{name}  one Razor page behind the output cache that writes the bytes of a saved wiki page;
//   /uncached       one Razor page that renders about 25 KB from one EF Core query on SQLite.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddOutputCache();
builder.Services.AddDbContextPool<ReferenceDb>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Reference") ?? "Data Source=reference.db"));

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await ReferenceDb.SeedAsync(scope.ServiceProvider.GetRequiredService<ReferenceDb>());
}

app.UseOutputCache();
app.MapRazorPages();
await app.RunAsync();

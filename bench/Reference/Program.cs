using JimPam.Bench.Reference;
using Microsoft.EntityFrameworkCore;

// A minimal Razor Pages app of the same framework as the wiki, for bench/run.sh's ratios:
//   /cached/{name}  one Razor page behind the output cache that writes the bytes of a saved wiki page;
//   /uncached       one Razor page that renders about 25 KB from one EF Core query on SQLite.
// With Reference:Redis (a StackExchange.Redis configuration such as "127.0.0.1:6379"), the output cache is kept in
// Redis instead of the process's memory: bench/cache-store.sh measures what that costs a cached read.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddOutputCache();
if (builder.Configuration["Reference:Redis"] is { Length: > 0 } redis)
{
    builder.Services.AddStackExchangeRedisOutputCache(options => options.Configuration = redis);
}
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

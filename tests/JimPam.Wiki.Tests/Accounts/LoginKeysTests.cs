using JimPam.Wiki.Accounts;
using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Accounts;

/// <summary>
/// The keys that sign login cookies live in the database, so every instance on it reads the same cookies. A wiki
/// upgraded from a version that kept them as files in keys/ beside the database keeps its editors logged in.
/// </summary>
public sealed class LoginKeysTests : IAsyncDisposable
{
    private readonly WikiAppFactory _app = new();

    private string KeyFolder => Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "keys");

    [Fact]
    public async Task Key_files_of_an_older_version_are_moved_into_the_database_and_still_read_what_they_signed()
    {
        // What an older version left: its key ring as files, and something it signed with it.
        var older = DataProtectionProvider.Create(new DirectoryInfo(KeyFolder), setup => setup.SetApplicationName("JimPam.Wiki"));
        var signed = older.CreateProtector("a login cookie").Protect("pam");
        var files = Directory.GetFiles(KeyFolder, "key-*.xml").Select(Path.GetFileNameWithoutExtension).ToList();
        await File.WriteAllTextAsync(Path.Combine(KeyFolder, "key-damaged.xml"), "<key id=");

        var now = _app.Services.GetRequiredService<IDataProtectionProvider>();

        Assert.Equal("pam", now.CreateProtector("a login cookie").Unprotect(signed));
        await using var db = Open();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        Assert.All(files, file => Assert.Contains(file, stored));
        Assert.DoesNotContain("key-damaged", stored);
    }

    [Fact]
    public async Task Moving_says_which_files_it_could_not_read_and_adds_each_key_once()
    {
        DataProtectionProvider.Create(new DirectoryInfo(KeyFolder), setup => setup.SetApplicationName("JimPam.Wiki")).CreateProtector("x").Protect("x");
        await File.WriteAllTextAsync(Path.Combine(KeyFolder, "key-damaged.xml"), "<key id=");
        using var folder = new TempFolder();
        await using var db = folder.NewMigratedDb();

        var first = await LoginKeys.MoveKeyFilesAsync(db, KeyFolder, CancellationToken.None);
        var again = await LoginKeys.MoveKeyFilesAsync(db, KeyFolder, CancellationToken.None);

        Assert.Equal(1, first.Added);
        Assert.StartsWith(Path.Combine(KeyFolder, "key-damaged.xml") + " (", Assert.Single(first.Unreadable), StringComparison.Ordinal);
        Assert.Equal(0, again.Added);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        var none = await LoginKeys.MoveKeyFilesAsync(db, Path.Combine(folder.Path, "no such folder"), CancellationToken.None);
        Assert.Equal((0, 0), (none.Added, none.Unreadable.Count));
    }

    [Fact]
    public async Task A_new_wiki_keeps_its_keys_in_the_database_and_makes_no_key_folder()
    {
        var signed = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a login cookie").Protect("jim");

        await using var db = Open();
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.False(Directory.Exists(KeyFolder));

        // Another instance on the same database reads what this one signed.
        await using var other = WikiAppFactory.OnDatabase(_app.DatabasePath);
        Assert.Equal("jim", other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a login cookie").Unprotect(signed));
    }

    private WikiDbContext Open() =>
        new(SqliteStore.Options($"Data Source={_app.DatabasePath}"));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

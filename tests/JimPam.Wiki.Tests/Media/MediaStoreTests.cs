using JimPam.Wiki.Data;
using JimPam.Wiki.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace JimPam.Wiki.Tests.Media;

/// <summary>
/// The two places image files can live, as the serving side will use them: what is put comes back byte for byte with
/// its type, putting the same files again changes nothing, and a name that is not a stored file's reads nothing.
/// </summary>
[Trait("Engine", "Any")]
public sealed class MediaStoreTests : WikiOfItsOwn
{
    private static readonly Lazy<IntakeResult> Upload = new(() =>
    {
        using var picture = Image.Black(700, 350, bands: 3).Linear([1.0], [90.0]).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return ImageIntake.Process(picture.JpegsaveBuffer(q: 90));
    });

    private static IReadOnlyList<MediaFile> Files => [Upload.Value.Original!, .. Upload.Value.Variants];

    [Fact]
    public async Task The_database_gives_back_every_file_of_an_upload_and_keeps_one_row_each_when_put_twice()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var store = new DatabaseMediaStore(scope.ServiceProvider.GetRequiredService<WikiDbContext>());
            await store.PutAsync(Files, CancellationToken.None);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            await new DatabaseMediaStore(db).PutAsync(Files, CancellationToken.None);
            Assert.Equal(Files.Count, await db.MediaBlobs.CountAsync());
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var store = new DatabaseMediaStore(scope.ServiceProvider.GetRequiredService<WikiDbContext>());
            await AssertGivesBackAsync(store);
            Assert.Null(await store.GetAsync("0123456789abcdef0123456789abcdef.jpg", CancellationToken.None));
            Assert.Null(await store.GetAsync("../wiki.db", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_folder_gives_back_every_file_and_never_reads_outside_its_names()
    {
        using var folder = new TempFolder();
        var store = new FolderMediaStore(Path.Combine(folder.Path, "media"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "secret.txt"), "not a picture");

        await store.PutAsync(Files, CancellationToken.None);
        await store.PutAsync(Files, CancellationToken.None);

        Assert.Equal(Files.Select(f => f.Name).Order(), Directory.GetFiles(Path.Combine(folder.Path, "media")).Select(Path.GetFileName).Order());
        await AssertGivesBackAsync(store);
        Assert.Null(await store.GetAsync("../secret.txt", CancellationToken.None));
    }

    [Fact]
    public async Task A_stored_file_is_served_with_its_type_a_year_immutable_and_a_policy_under_which_nothing_runs()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MediaStore>().PutAsync(Files, CancellationToken.None);
        }

        using var client = App.CreateClient();
        var avif = Files.First(f => f.ContentType == "image/avif");

        using var response = await client.GetAsync(new Uri($"/media/{avif.Name}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/avif", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(avif.Bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/media/{avif.Name}", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, revalidated.StatusCode);

        foreach (var missing in new[] { "/media/0123456789abcdef0123456789abcdef.jpg", "/media/wiki.db", "/media/..%2Fwiki.db" })
        {
            using var notFound = await client.GetAsync(new Uri(missing, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, notFound.StatusCode);
        }
    }

    private static async Task AssertGivesBackAsync(MediaStore store)
    {
        Assert.Equal(10, Files.Count); // the original, and 320, 640 and 700 wide in three formats
        foreach (var file in Files)
        {
            var stored = await store.GetAsync(file.Name, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(file.ContentType, stored.ContentType);
            Assert.Equal(file.Bytes, stored.Bytes);
        }
    }
}

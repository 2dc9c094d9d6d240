using Microsoft.EntityFrameworkCore;

namespace JimPam.Bench.Reference;

/// <summary>One table of paragraphs, about as long as the wiki's.</summary>
public sealed class ReferenceDb(DbContextOptions<ReferenceDb> options) : DbContext(options)
{
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();

    /// <summary>Makes the table on first start: 200 paragraphs of about 900 characters.</summary>
    public static async Task SeedAsync(ReferenceDb db)
    {
        await db.Database.EnsureCreatedAsync();
        if (await db.Paragraphs.AnyAsync())
        {
            return;
        }

        const string words = "Jim and Pam talk at reception about the day, the prank on Dwight, the beach games and the trip to Niagara. ";
        for (var i = 1; i <= 200; i++)
        {
            db.Paragraphs.Add(new Paragraph { Title = $"Paragraph {i}", Body = string.Concat(Enumerable.Repeat(words, 8)) });
        }

        await db.SaveChangesAsync();
    }
}

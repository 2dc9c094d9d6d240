using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Filled at the next start (SearchIndexing.EnsureBuiltAsync), which renders text the way every save does.
            migrationBuilder.Sql(JimPam.Wiki.Data.Fts5Index.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(JimPam.Wiki.Data.Fts5Index.DropSql);
            migrationBuilder.Sql($"DELETE FROM \"SiteSettings\" WHERE \"Key\" = '{JimPam.Wiki.Search.SearchIndexing.BuiltKey}';");
        }
    }
}

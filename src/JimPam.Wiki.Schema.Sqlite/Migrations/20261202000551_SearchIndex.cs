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
            // Filled at the next start (DerivedData: SearchIndexing is rebuilt), which renders text the way every save does.
            // The table as it was made then (Fts5Index.CreateSql of this migration's day), written out: a migration stays as it was.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"SearchIndex\" USING fts5(title, body, names UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchIndex\";");
            migrationBuilder.Sql("DELETE FROM \"SiteSettings\" WHERE \"Key\" = 'search-index:built';");
        }
    }
}

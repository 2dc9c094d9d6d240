using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Filled at the next start: the index's version moved on, so SearchIndexing.EnsureBuiltAsync writes every row again.
            migrationBuilder.Sql(JimPam.Wiki.Data.Fts5Index.CreateVocabularySql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(JimPam.Wiki.Data.Fts5Index.DropVocabularySql);
        }
    }
}

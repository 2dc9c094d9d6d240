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
            // Filled at the next start: the index's version moved on, so DerivedData has SearchIndexing write every row again.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE \"SearchWords\" USING fts5(title, body, content='', contentless_delete=1, tokenize = 'unicode61 remove_diacritics 2');" +
                "CREATE VIRTUAL TABLE \"SearchWordsVocabulary\" USING fts5vocab('SearchWords', 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchWordsVocabulary\"; DROP TABLE IF EXISTS \"SearchWords\";");
        }
    }
}

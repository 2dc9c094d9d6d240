using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <summary>
    /// Slugs are plain ASCII since this version (Slug.From transliterates). The seed's one accented episode
    /// title moves to its ASCII address in databases seeded before; the old address redirects to it.
    /// </summary>
    public partial class AsciiSlugs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(table: "Episodes", keyColumn: "Slug", keyValue: "café-disco", column: "Slug", value: "cafe-disco");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(table: "Episodes", keyColumn: "Slug", keyValue: "cafe-disco", column: "Slug", value: "café-disco");
        }
    }
}

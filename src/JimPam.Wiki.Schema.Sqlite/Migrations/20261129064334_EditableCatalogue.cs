using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditableCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Deleted",
                table: "RelationshipEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Episodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Characters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RetiredSlugs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredSlugs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetiredSlugs_EntityType_Slug",
                table: "RetiredSlugs",
                columns: new[] { "EntityType", "Slug" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredSlugs");

            migrationBuilder.DropColumn(
                name: "Deleted",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Characters");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoryPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MilestonePoint",
                table: "RelationshipEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Point",
                table: "RelationshipEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MilestonePoint",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "Point",
                table: "RelationshipEvents");
        }
    }
}

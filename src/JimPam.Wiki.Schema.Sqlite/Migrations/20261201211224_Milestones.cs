using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class Milestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Milestone",
                table: "RelationshipEvents",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MilestoneStatus",
                table: "RelationshipEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // SQLite can add a column with its foreign key in place; EF Core would rebuild the whole table for the
            // constraint instead, outside the migration's transaction (and warn at every first start).
            migrationBuilder.Sql(
                "ALTER TABLE \"RelationshipEvents\" ADD COLUMN \"MilestoneEpisodeId\" INTEGER NULL " +
                "CONSTRAINT \"FK_RelationshipEvents_Episodes_MilestoneEpisodeId\" REFERENCES \"Episodes\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_MilestoneEpisodeId",
                table: "RelationshipEvents",
                column: "MilestoneEpisodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RelationshipEvents_Episodes_MilestoneEpisodeId",
                table: "RelationshipEvents");

            migrationBuilder.DropIndex(
                name: "IX_RelationshipEvents_MilestoneEpisodeId",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "Milestone",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "MilestoneEpisodeId",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "MilestoneStatus",
                table: "RelationshipEvents");
        }
    }
}

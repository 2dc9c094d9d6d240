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

            migrationBuilder.AddColumn<int>(
                name: "MilestoneEpisodeId",
                table: "RelationshipEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MilestoneStatus",
                table: "RelationshipEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_MilestoneEpisodeId",
                table: "RelationshipEvents",
                column: "MilestoneEpisodeId");

            migrationBuilder.AddForeignKey(
                name: "FK_RelationshipEvents_Episodes_MilestoneEpisodeId",
                table: "RelationshipEvents",
                column: "MilestoneEpisodeId",
                principalTable: "Episodes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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

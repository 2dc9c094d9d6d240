using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BehindTheScenesHtml",
                table: "Relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroHtml",
                table: "Relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "RelationshipEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Jokes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WikiLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    JokeId = table.Column<int>(type: "INTEGER", nullable: true),
                    RelationshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EpisodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CharacterId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WikiLinks_Characters_CharacterId",
                        column: x => x.CharacterId,
                        principalTable: "Characters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WikiLinks_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WikiLinks_Jokes_JokeId",
                        column: x => x.JokeId,
                        principalTable: "Jokes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiLinks_RelationshipEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "RelationshipEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiLinks_Relationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "Relationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_CharacterId",
                table: "WikiLinks",
                column: "CharacterId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_EpisodeId",
                table: "WikiLinks",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_EventId",
                table: "WikiLinks",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_JokeId",
                table: "WikiLinks",
                column: "JokeId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_RelationshipId",
                table: "WikiLinks",
                column: "RelationshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WikiLinks");

            migrationBuilder.DropColumn(
                name: "BehindTheScenesHtml",
                table: "Relationships");

            migrationBuilder.DropColumn(
                name: "IntroHtml",
                table: "Relationships");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Jokes");
        }
    }
}

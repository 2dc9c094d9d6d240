using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class FigureImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImageAlt",
                table: "RelationshipEvents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageCredit",
                table: "RelationshipEvents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Images",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Original = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    VariantsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Images", x => x.Id);
                });

            // SQLite adds a column with its foreign key in place (its default is null), where EF Core's AddForeignKey would
            // rebuild the table outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"RelationshipEvents\" ADD COLUMN \"ImageId\" INTEGER NULL CONSTRAINT \"FK_RelationshipEvents_Images_ImageId\" REFERENCES \"Images\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_ImageId",
                table: "RelationshipEvents",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Images_Hash",
                table: "Images",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RelationshipEvents_Images_ImageId",
                table: "RelationshipEvents");

            migrationBuilder.DropTable(
                name: "Images");

            migrationBuilder.DropIndex(
                name: "IX_RelationshipEvents_ImageId",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "ImageAlt",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "ImageCredit",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "RelationshipEvents");
        }
    }
}

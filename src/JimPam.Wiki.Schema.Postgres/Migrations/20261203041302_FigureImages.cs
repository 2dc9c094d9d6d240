using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JimPam.Wiki.Data.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ImageCredit",
                table: "RelationshipEvents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "ImageId",
                table: "RelationshipEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Images",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Hash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Original = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    VariantsJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Images", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_ImageId",
                table: "RelationshipEvents",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Images_Hash",
                table: "Images",
                column: "Hash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_RelationshipEvents_Images_ImageId",
                table: "RelationshipEvents",
                column: "ImageId",
                principalTable: "Images",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JimPam.Wiki.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredLastEdited : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Seasons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Seasons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "RelationshipEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "RelationshipEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Jokes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Jokes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Characters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Characters",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Seasons");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Seasons");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Relationships");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Relationships");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Jokes");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Jokes");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Characters");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Characters");
        }
    }
}

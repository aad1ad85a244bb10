using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RuleOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MajorIncidentProposed",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProblemProposed",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "tickets",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MajorIncidentProposed",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ProblemProposed",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "tickets");
        }
    }
}

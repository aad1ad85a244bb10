using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_tickets_Category_CreatedAt",
                table: "tickets",
                columns: new[] { "Category", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_ConfigurationItem_CreatedAt",
                table: "tickets",
                columns: new[] { "ConfigurationItem", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_Category_CreatedAt",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "IX_tickets_ConfigurationItem_CreatedAt",
                table: "tickets");
        }
    }
}

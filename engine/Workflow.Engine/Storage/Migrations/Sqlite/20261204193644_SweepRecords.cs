using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SweepRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SweptAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SweptRules",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SweptRun",
                table: "tickets");

            migrationBuilder.CreateTable(
                name: "ticket_sweeps",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Run = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_sweeps", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_ticket_sweeps_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_sweeps");

            migrationBuilder.AddColumn<long>(
                name: "SweptAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SweptRules",
                table: "tickets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SweptRun",
                table: "tickets",
                type: "INTEGER",
                nullable: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Postgres
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
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Run = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Rules = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_sweeps");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SweptAt",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SweptRules",
                table: "tickets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SweptRun",
                table: "tickets",
                type: "bigint",
                nullable: true);
        }
    }
}

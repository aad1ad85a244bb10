using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RuleFirings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rule_firings",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleSet = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rule_firings", x => new { x.TicketId, x.Rule });
                    table.ForeignKey(
                        name: "FK_rule_firings_tickets_TicketId",
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
                name: "rule_firings");
        }
    }
}

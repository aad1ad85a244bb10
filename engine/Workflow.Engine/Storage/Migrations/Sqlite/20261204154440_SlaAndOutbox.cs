using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ResolutionDueAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionStage",
                table: "tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionWarnAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RespondedAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseDueAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseStage",
                table: "tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseWarnAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaCheckAt",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaPaused",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SlaPausedSince",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaPriority",
                table: "tickets",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_SlaCheckAt",
                table: "tickets",
                column: "SlaCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveredAt_Id",
                table: "outbox",
                columns: new[] { "DeliveredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_IdempotencyKey",
                table: "outbox",
                column: "IdempotencyKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_tickets_SlaCheckAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionStage",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResponseDueAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResponseStage",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ResponseWarnAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaCheckAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaPaused",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedSince",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaPriority",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SweptAt",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SweptRules",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SweptRun",
                table: "tickets");
        }
    }
}

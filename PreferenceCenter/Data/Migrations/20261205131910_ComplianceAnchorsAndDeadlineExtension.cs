using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceAnchorsAndDeadlineExtension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeadlineExtendedAt",
                table: "ErasureRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeadlineExtensionReason",
                table: "ErasureRequests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LedgerAnchors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnchoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerAnchors", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAnchors_AnchoredAt",
                table: "LedgerAnchors",
                column: "AnchoredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerAnchors");

            migrationBuilder.DropColumn(
                name: "DeadlineExtendedAt",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "DeadlineExtensionReason",
                table: "ErasureRequests");
        }
    }
}

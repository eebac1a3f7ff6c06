using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaterialChangeNotice",
                table: "Purposes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExpiryRecordedAt",
                table: "Consents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RenewalReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalReminders_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalReminders_ConsentId_PeriodEndsAt",
                table: "RenewalReminders",
                columns: new[] { "ConsentId", "PeriodEndsAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenewalReminders");

            migrationBuilder.DropIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "MaterialChangeNotice",
                table: "Purposes");

            migrationBuilder.DropColumn(
                name: "ExpiryRecordedAt",
                table: "Consents");
        }
    }
}

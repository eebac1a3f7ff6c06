using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountMailCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountMailCounts",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountMailCounts", x => new { x.AddressHash, x.Hour });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountMailCounts_Hour",
                table: "AccountMailCounts",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountMailCounts");
        }
    }
}

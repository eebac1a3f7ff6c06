using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnlyEndingConsentsIndexedByExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents",
                column: "ExpiresAt",
                filter: "\"ExpiresAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ExpiresAt",
                table: "Consents",
                column: "ExpiresAt");
        }
    }
}

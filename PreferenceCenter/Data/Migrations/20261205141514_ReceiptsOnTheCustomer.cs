using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptsOnTheCustomer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReceiptedThrough",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "ReceiptsTurnedOff",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Receipts start with this release: changes made before it were never promised one, so none is sent for them.
            migrationBuilder.Sql("UPDATE Customers SET ReceiptedThrough = COALESCE((SELECT MAX(Sequence) FROM LedgerEntries), 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceiptedThrough",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ReceiptsTurnedOff",
                table: "Customers");
        }
    }
}

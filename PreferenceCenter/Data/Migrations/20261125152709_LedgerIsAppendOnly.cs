using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <summary>
    /// The database itself refuses to rewrite history: no UPDATE or DELETE on the ledger, from any client.
    /// (The hash chain still catches whoever drops these triggers first.)
    /// </summary>
    public partial class LedgerIsAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER LedgerEntries_NoUpdate BEFORE UPDATE ON LedgerEntries
                BEGIN SELECT RAISE(ABORT, 'LedgerEntries is append-only: rows cannot be updated'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LedgerEntries_NoDelete BEFORE DELETE ON LedgerEntries
                BEGIN SELECT RAISE(ABORT, 'LedgerEntries is append-only: rows cannot be deleted'); END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LedgerEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LedgerEntries_NoDelete;");
        }
    }
}

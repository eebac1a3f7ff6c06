using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The database itself refuses to rewrite history, as SQLite's triggers do: no UPDATE or DELETE on the ledger from
    /// any client, and no TRUNCATE either (PostgreSQL runs no row trigger for it). SQLSTATE 55000 (object not in
    /// prerequisite state). The hash chain still catches whoever drops these triggers first.
    /// </summary>
    public partial class LedgerIsAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "LedgerEntries_RefuseRewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'LedgerEntries is append-only: rows cannot be %', CASE TG_OP WHEN 'UPDATE' THEN 'updated' WHEN 'DELETE' THEN 'deleted' ELSE 'truncated' END
                        USING ERRCODE = '55000';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LedgerEntries_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "LedgerEntries"
                FOR EACH ROW EXECUTE FUNCTION "LedgerEntries_RefuseRewrite"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LedgerEntries_NoTruncate" BEFORE TRUNCATE ON "LedgerEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION "LedgerEntries_RefuseRewrite"();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LedgerEntries_NoTruncate" ON "LedgerEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LedgerEntries_NoUpdateOrDelete" ON "LedgerEntries";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "LedgerEntries_RefuseRewrite"();""");
        }
    }
}

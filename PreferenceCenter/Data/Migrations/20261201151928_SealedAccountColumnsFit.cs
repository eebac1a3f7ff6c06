using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreferenceCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class SealedAccountColumnsFit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to change on SQLite, which does not enforce lengths: AspNetUsers.UserName and Email are now
            // declared long enough for a sealed 256-character address, and the model snapshot records it, so a
            // migration generated for a server database creates the columns at that length.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo on SQLite (see Up).
        }
    }
}

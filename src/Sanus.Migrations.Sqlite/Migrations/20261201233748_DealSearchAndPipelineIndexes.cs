using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealSearchAndPipelineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Deal",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChange_ToStage_DealId",
                table: "DealStageChange",
                columns: new[] { "ToStage", "DealId" });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_Country_AmountMinor_Id",
                table: "Deal",
                columns: new[] { "Country", "AmountMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_Pipeline",
                table: "Deal",
                columns: new[] { "Stage", "Currency", "AmountMinor", "ArchivedAt", "DealClass", "Origin", "ExpectedCloseDate", "StageEnteredAt" });

            // Existing deals: the name lower-cased is what the app would fold it to, but for accents (the FTS tokenizer drops those).
            migrationBuilder.Sql("UPDATE \"Deal\" SET \"SearchText\" = lower(\"Name\");");
            // Full-text index over SearchText, kept in step by triggers in the same transaction as each write.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"DealSearch\" USING fts5(SearchText, content='Deal', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');");
            migrationBuilder.Sql("CREATE TRIGGER \"DealSearch_Insert\" AFTER INSERT ON \"Deal\" BEGIN INSERT INTO \"DealSearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"DealSearch_Delete\" AFTER DELETE ON \"Deal\" BEGIN INSERT INTO \"DealSearch\"(\"DealSearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"DealSearch_Update\" AFTER UPDATE OF SearchText ON \"Deal\" BEGIN INSERT INTO \"DealSearch\"(\"DealSearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); INSERT INTO \"DealSearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("INSERT INTO \"DealSearch\"(\"DealSearch\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"DealSearch\";");

            migrationBuilder.DropIndex(
                name: "IX_DealStageChange_ToStage_DealId",
                table: "DealStageChange");

            migrationBuilder.DropIndex(
                name: "IX_Deal_Country_AmountMinor_Id",
                table: "Deal");

            migrationBuilder.DropIndex(
                name: "IX_Deal_Pipeline",
                table: "Deal");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Deal");
        }
    }
}

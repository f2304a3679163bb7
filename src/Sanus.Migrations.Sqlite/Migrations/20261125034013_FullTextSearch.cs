using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Contact",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Company",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Full-text index over SearchText, kept in step by triggers in the same transaction as each write.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"CompanySearch\" USING fts5(SearchText, content='Company', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');");
            migrationBuilder.Sql("CREATE TRIGGER \"CompanySearch_Insert\" AFTER INSERT ON \"Company\" BEGIN INSERT INTO \"CompanySearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CompanySearch_Delete\" AFTER DELETE ON \"Company\" BEGIN INSERT INTO \"CompanySearch\"(\"CompanySearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CompanySearch_Update\" AFTER UPDATE OF SearchText ON \"Company\" BEGIN INSERT INTO \"CompanySearch\"(\"CompanySearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); INSERT INTO \"CompanySearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("INSERT INTO \"CompanySearch\"(\"CompanySearch\") VALUES ('rebuild');");

            // Full-text index over SearchText, kept in step by triggers in the same transaction as each write.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"ContactSearch\" USING fts5(SearchText, content='Contact', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');");
            migrationBuilder.Sql("CREATE TRIGGER \"ContactSearch_Insert\" AFTER INSERT ON \"Contact\" BEGIN INSERT INTO \"ContactSearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"ContactSearch_Delete\" AFTER DELETE ON \"Contact\" BEGIN INSERT INTO \"ContactSearch\"(\"ContactSearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"ContactSearch_Update\" AFTER UPDATE OF SearchText ON \"Contact\" BEGIN INSERT INTO \"ContactSearch\"(\"ContactSearch\", rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText); INSERT INTO \"ContactSearch\"(rowid, SearchText) VALUES (new.rowid, new.SearchText); END;");
            migrationBuilder.Sql("INSERT INTO \"ContactSearch\"(\"ContactSearch\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"CompanySearch\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ContactSearch\";");
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Contact");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Company");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Deal\" SET \"SearchText\" = lower(\"Name\");");

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

            migrationBuilder.CreateIndex(
                name: "IX_Deal_SearchText",
                table: "Deal",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DealStageChange_ToStage_DealId",
                table: "DealStageChange");

            migrationBuilder.DropIndex(
                name: "IX_Deal_Country_AmountMinor_Id",
                table: "Deal");

            migrationBuilder.DropIndex(
                name: "IX_Deal_Pipeline",
                table: "Deal");

            migrationBuilder.DropIndex(
                name: "IX_Deal_SearchText",
                table: "Deal");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Deal");
        }
    }
}

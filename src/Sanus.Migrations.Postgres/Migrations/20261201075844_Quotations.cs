using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Quotations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Quotation",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedByContactId",
                table: "Quotation",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "Quotation",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionEvidenceFileId",
                table: "Quotation",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNote",
                table: "Quotation",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DocumentFileId",
                table: "Quotation",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OverallDiscountPercent",
                table: "Quotation",
                type: "numeric(9,4)",
                precision: 9,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ReferenceRegulation",
                table: "Quotation",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RejectedAt",
                table: "Quotation",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "Quotation",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "Quotation",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "Quotation",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "QuotationLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuotationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UnitPriceHundredthCents = table.Column<long>(type: "bigint", nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    TaxRatePercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    OptionCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Sku = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReferenceRegulation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotationLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotationLines_Quotation_QuotationId",
                        column: x => x.QuotationId,
                        principalTable: "Quotation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuotationSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DiscountLimitPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotationSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuotationLines_QuotationId_Position",
                table: "QuotationLines",
                columns: new[] { "QuotationId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuotationLines");

            migrationBuilder.DropTable(
                name: "QuotationSettings");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "DecidedByContactId",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "DecisionEvidenceFileId",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "DecisionNote",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "DocumentFileId",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "OverallDiscountPercent",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "ReferenceRegulation",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "RejectedAt",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "Template",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "Terms",
                table: "Quotation");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "Quotation");
        }
    }
}

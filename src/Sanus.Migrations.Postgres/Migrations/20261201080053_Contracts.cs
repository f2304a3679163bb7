using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AgreedAmountMinor",
                table: "Contract",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CancellationCostsMinor",
                table: "Contract",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationNote",
                table: "Contract",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CancelledOn",
                table: "Contract",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractDate",
                table: "Contract",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Contract",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "FirstInstalmentMinor",
                table: "Contract",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Contract",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChangeRequest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedByContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LoggedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Feasible = table.Column<bool>(type: "boolean", nullable: true),
                    FeasibilityRationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FeasibilitySignatureId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplacementQuotationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplacedQuotationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplacementRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplacementRecordedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CustomerInformedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CustomerInformedNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OutcomeRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomeRecordedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeRequest_Contact_RequestedByContactId",
                        column: x => x.RequestedByContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChangeRequest_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractClause",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Heading = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractClause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractClause_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractPayment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReversesPaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractPayment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractPayment_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerSignature",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedCopyFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSignature", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerSignature_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerSignature_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerSignature_StoredFiles_SignedCopyFileId",
                        column: x => x.SignedCopyFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequest_ContractId",
                table: "ChangeRequest",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequest_Number",
                table: "ChangeRequest",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequest_RequestedByContactId",
                table: "ChangeRequest",
                column: "RequestedByContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractClause_ContractId_Position",
                table: "ContractClause",
                columns: new[] { "ContractId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractPayment_ContractId_ReceivedOn",
                table: "ContractPayment",
                columns: new[] { "ContractId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSignature_ContactId",
                table: "CustomerSignature",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSignature_ContractId_Revision",
                table: "CustomerSignature",
                columns: new[] { "ContractId", "Revision" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSignature_SignedCopyFileId",
                table: "CustomerSignature",
                column: "SignedCopyFileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeRequest");

            migrationBuilder.DropTable(
                name: "ContractClause");

            migrationBuilder.DropTable(
                name: "ContractPayment");

            migrationBuilder.DropTable(
                name: "CustomerSignature");

            migrationBuilder.DropColumn(
                name: "AgreedAmountMinor",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "CancellationCostsMinor",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "CancellationNote",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "CancelledOn",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "ContractDate",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "FirstInstalmentMinor",
                table: "Contract");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Contract");
        }
    }
}

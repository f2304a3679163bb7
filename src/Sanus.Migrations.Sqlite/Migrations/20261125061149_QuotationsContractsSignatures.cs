using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuotationsContractsSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskItem_DealId",
                table: "TaskItem");

            migrationBuilder.AddColumn<Guid>(
                name: "ActivityId",
                table: "TaskItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Activity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Quotation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotation_Deal_DealId",
                        column: x => x.DealId,
                        principalTable: "Deal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Signature",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Meaning = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signature", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityAttendee",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityAttendee", x => new { x.ActivityId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_ActivityAttendee_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityAttendee_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityCompany",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityCompany", x => new { x.ActivityId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_ActivityCompany_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityCompany_Company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityContact",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityContact", x => new { x.ActivityId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_ActivityContact_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityContact_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityDeal",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityDeal", x => new { x.ActivityId, x.DealId });
                    table.ForeignKey(
                        name: "FK_ActivityDeal_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityDeal_Deal_DealId",
                        column: x => x.DealId,
                        principalTable: "Deal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingReminder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingReminder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingReminder_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contract",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuotationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaymentGateMet = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contract", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contract_Deal_DealId",
                        column: x => x.DealId,
                        principalTable: "Deal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contract_Quotation_QuotationId",
                        column: x => x.QuotationId,
                        principalTable: "Quotation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImplementationPlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContractDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementationPlan_Company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImplementationPlan_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImplementationPlan_Deal_DealId",
                        column: x => x.DealId,
                        principalTable: "Deal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_ActivityId",
                table: "TaskItem",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_CompanyId_DueAt",
                table: "TaskItem",
                columns: new[] { "CompanyId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_ContactId_DueAt",
                table: "TaskItem",
                columns: new[] { "ContactId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_DealId_DueAt",
                table: "TaskItem",
                columns: new[] { "DealId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_DueAt_Id",
                table: "TaskItem",
                columns: new[] { "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_At_Id",
                table: "Activity",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_OwnerId",
                table: "Activity",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityAttendee_ContactId",
                table: "ActivityAttendee",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCompany_CompanyId_ActivityId",
                table: "ActivityCompany",
                columns: new[] { "CompanyId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityContact_ContactId_ActivityId",
                table: "ActivityContact",
                columns: new[] { "ContactId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDeal_DealId_ActivityId",
                table: "ActivityDeal",
                columns: new[] { "DealId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contract_DealId",
                table: "Contract",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Contract_Number",
                table: "Contract",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contract_QuotationId",
                table: "Contract",
                column: "QuotationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlan_CompanyId",
                table: "ImplementationPlan",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlan_ContractId",
                table: "ImplementationPlan",
                column: "ContractId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlan_DealId",
                table: "ImplementationPlan",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReminder_ActivityId",
                table: "MeetingReminder",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReminder_SentAt_DueAt",
                table: "MeetingReminder",
                columns: new[] { "SentAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotation_DealId_Status",
                table: "Quotation",
                columns: new[] { "DealId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotation_Number_Revision",
                table: "Quotation",
                columns: new[] { "Number", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signature_RecordKind_RecordId_SignedAt",
                table: "Signature",
                columns: new[] { "RecordKind", "RecordId", "SignedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityAttendee");

            migrationBuilder.DropTable(
                name: "ActivityCompany");

            migrationBuilder.DropTable(
                name: "ActivityContact");

            migrationBuilder.DropTable(
                name: "ActivityDeal");

            migrationBuilder.DropTable(
                name: "ImplementationPlan");

            migrationBuilder.DropTable(
                name: "MeetingReminder");

            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "Signature");

            migrationBuilder.DropTable(
                name: "Contract");

            migrationBuilder.DropTable(
                name: "Activity");

            migrationBuilder.DropTable(
                name: "Quotation");

            migrationBuilder.DropIndex(
                name: "IX_TaskItem_ActivityId",
                table: "TaskItem");

            migrationBuilder.DropIndex(
                name: "IX_TaskItem_CompanyId_DueAt",
                table: "TaskItem");

            migrationBuilder.DropIndex(
                name: "IX_TaskItem_ContactId_DueAt",
                table: "TaskItem");

            migrationBuilder.DropIndex(
                name: "IX_TaskItem_DealId_DueAt",
                table: "TaskItem");

            migrationBuilder.DropIndex(
                name: "IX_TaskItem_DueAt_Id",
                table: "TaskItem");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "TaskItem");

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_DealId",
                table: "TaskItem",
                column: "DealId");
        }
    }
}

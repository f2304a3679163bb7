using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Deal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ExpectedCloseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DealClass = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    Phase = table.Column<string>(type: "text", nullable: true),
                    PreviousPhaseDealId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedFromLostDealId = table.Column<Guid>(type: "uuid", nullable: true),
                    BudgetConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    BudgetNote = table.Column<string>(type: "text", nullable: true),
                    AuthorityConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorityNote = table.Column<string>(type: "text", nullable: true),
                    NeedConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    NeedNote = table.Column<string>(type: "text", nullable: true),
                    TimelineConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TimelineNote = table.Column<string>(type: "text", nullable: true),
                    ImplementationMethod = table.Column<string>(type: "text", nullable: true),
                    SuccessMetrics = table.Column<string>(type: "text", nullable: true),
                    PricingBasis = table.Column<string>(type: "text", nullable: true),
                    PricingFigures = table.Column<string>(type: "text", nullable: true),
                    ImplementationTimeline = table.Column<string>(type: "text", nullable: true),
                    LostReason = table.Column<string>(type: "text", nullable: true),
                    LostNotes = table.Column<string>(type: "text", nullable: true),
                    ComeBackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deal_Company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealStageChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ToStage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealStageChange", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OwnerCoverage",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    DealClass = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerCoverage", x => new { x.UserId, x.DealClass });
                });

            migrationBuilder.CreateTable(
                name: "StageProbability",
                columns: table => new
                {
                    Stage = table.Column<string>(type: "text", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageProbability", x => x.Stage);
                });

            migrationBuilder.CreateTable(
                name: "TaskItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DealId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskItem", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DealContact",
                columns: table => new
                {
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealContact", x => new { x.DealId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_DealContact_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealContact_Deal_DealId",
                        column: x => x.DealId,
                        principalTable: "Deal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_AmountMinor_Id",
                table: "Deal",
                columns: new[] { "AmountMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_CompanyId",
                table: "Deal",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Deal_ExpectedCloseDate",
                table: "Deal",
                column: "ExpectedCloseDate");

            migrationBuilder.CreateIndex(
                name: "IX_Deal_Name_Id",
                table: "Deal",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_OwnerId_DealClass_Stage",
                table: "Deal",
                columns: new[] { "OwnerId", "DealClass", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Deal_Stage_AmountMinor_Id",
                table: "Deal",
                columns: new[] { "Stage", "AmountMinor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DealContact_ContactId",
                table: "DealContact",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChange_DealId_At",
                table: "DealStageChange",
                columns: new[] { "DealId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_DealId",
                table: "TaskItem",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskItem_OwnerId_Done_DueAt",
                table: "TaskItem",
                columns: new[] { "OwnerId", "Done", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealContact");

            migrationBuilder.DropTable(
                name: "DealStageChange");

            migrationBuilder.DropTable(
                name: "OwnerCoverage");

            migrationBuilder.DropTable(
                name: "StageProbability");

            migrationBuilder.DropTable(
                name: "TaskItem");

            migrationBuilder.DropTable(
                name: "Deal");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Implementation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessGranted",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessGrantedBy",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AccessGrantedOn",
                table: "ImplementationPlan",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IfuDeliveredOn",
                table: "ImplementationPlan",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuDeliveredTo",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuReference",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuVersion",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ImplementationPlan",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SuccessMetrics",
                table: "ImplementationPlan",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TrainingDeliveredOn",
                table: "ImplementationPlan",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UsageReviewOn",
                table: "ImplementationPlan",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsageReviewPeriodMonths",
                table: "ImplementationPlan",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerSignature",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSignature", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerSignature_ImplementationPlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ImplementationPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImplementationLead",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationLead", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementationLead_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImplementationLead_ImplementationPlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ImplementationPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImplementationMilestone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationMilestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementationMilestone_ImplementationPlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ImplementationPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSession",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Recurrence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSession", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendee",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendee", x => new { x.SessionId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_TrainingAttendee_Contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendee_TrainingSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingLink",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingLink", x => new { x.SessionId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_TrainingLink_Company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingLink_ImplementationPlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ImplementationPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingLink_TrainingSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingMaterial",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingMaterial", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingMaterial_TrainingSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSignature_PlanId_Revision",
                table: "CustomerSignature",
                columns: new[] { "PlanId", "Revision" });

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationLead_ContactId",
                table: "ImplementationLead",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationLead_PlanId",
                table: "ImplementationLead",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationMilestone_PlanId_Position",
                table: "ImplementationMilestone",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendee_ContactId",
                table: "TrainingAttendee",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingLink_CompanyId",
                table: "TrainingLink",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingLink_PlanId",
                table: "TrainingLink",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingMaterial_SessionId_Position",
                table: "TrainingMaterial",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_ScheduledAt_Id",
                table: "TrainingSession",
                columns: new[] { "ScheduledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_TrainerId",
                table: "TrainingSession",
                column: "TrainerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerSignature");

            migrationBuilder.DropTable(
                name: "ImplementationLead");

            migrationBuilder.DropTable(
                name: "ImplementationMilestone");

            migrationBuilder.DropTable(
                name: "TrainingAttendee");

            migrationBuilder.DropTable(
                name: "TrainingLink");

            migrationBuilder.DropTable(
                name: "TrainingMaterial");

            migrationBuilder.DropTable(
                name: "TrainingSession");

            migrationBuilder.DropColumn(
                name: "AccessGranted",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "AccessGrantedBy",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "AccessGrantedOn",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "IfuDeliveredOn",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "IfuDeliveredTo",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "IfuReference",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "IfuVersion",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "SuccessMetrics",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "TrainingDeliveredOn",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "UsageReviewOn",
                table: "ImplementationPlan");

            migrationBuilder.DropColumn(
                name: "UsageReviewPeriodMonths",
                table: "ImplementationPlan");
        }
    }
}

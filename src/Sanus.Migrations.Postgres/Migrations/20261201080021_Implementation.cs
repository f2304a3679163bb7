using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Postgres.Migrations
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessGrantedBy",
                table: "ImplementationPlan",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AccessGrantedOn",
                table: "ImplementationPlan",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IfuDeliveredOn",
                table: "ImplementationPlan",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuDeliveredTo",
                table: "ImplementationPlan",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuReference",
                table: "ImplementationPlan",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IfuVersion",
                table: "ImplementationPlan",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ImplementationPlan",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SuccessMetrics",
                table: "ImplementationPlan",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TrainingDeliveredOn",
                table: "ImplementationPlan",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UsageReviewOn",
                table: "ImplementationPlan",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsageReviewPeriodMonths",
                table: "ImplementationPlan",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerSignature",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    TrainerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Recurrence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSession", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendee",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true)
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

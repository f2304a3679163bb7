using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Activities : Migration
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
                name: "IX_MeetingReminder_ActivityId",
                table: "MeetingReminder",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReminder_SentAt_DueAt",
                table: "MeetingReminder",
                columns: new[] { "SentAt", "DueAt" });
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
                name: "MeetingReminder");

            migrationBuilder.DropTable(
                name: "Activity");

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

using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Activities;

/// <summary>The tables of activities and meeting reminders. The indexes serve the timeline's keyset pages (newest first).</summary>
public static class ActivityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Activity>(activity =>
        {
            activity.Property(a => a.Type).HasMaxLength(30);
            activity.Property(a => a.Direction).HasMaxLength(10);
            activity.Property(a => a.Subject).HasMaxLength(300);
            activity.Property(a => a.Body).HasMaxLength(20000);
            activity.Property(a => a.Location).HasMaxLength(300);
            activity.Ignore(a => a.IsMeeting);
            activity.Property(a => a.Version).IsConcurrencyToken();
            activity.HasIndex(a => new { a.At, a.Id });
            activity.HasIndex(a => a.OwnerId);
            activity.HasMany(a => a.Companies).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
            activity.HasMany(a => a.Contacts).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
            activity.HasMany(a => a.Deals).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
            activity.HasMany(a => a.Attendees).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActivityCompany>(link =>
        {
            link.HasKey(l => new { l.ActivityId, l.CompanyId });
            link.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => new { l.CompanyId, l.ActivityId });
        });

        builder.Entity<ActivityContact>(link =>
        {
            link.HasKey(l => new { l.ActivityId, l.ContactId });
            link.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => new { l.ContactId, l.ActivityId });
        });

        builder.Entity<ActivityDeal>(link =>
        {
            link.HasKey(l => new { l.ActivityId, l.DealId });
            link.HasOne<Deal>().WithMany().HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => new { l.DealId, l.ActivityId });
        });

        builder.Entity<ActivityAttendee>(link =>
        {
            link.HasKey(l => new { l.ActivityId, l.ContactId });
            link.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.ContactId);
        });

        builder.Entity<MeetingReminder>(reminder =>
        {
            reminder.HasKey(r => r.Id);
            reminder.Property(r => r.SentAt).IsConcurrencyToken();
            reminder.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            reminder.HasIndex(r => r.ActivityId).IsUnique();
            reminder.HasIndex(r => new { r.SentAt, r.DueAt });
        });
    }
}

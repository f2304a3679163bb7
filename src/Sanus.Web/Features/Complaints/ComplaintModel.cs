using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;

namespace Sanus.Web.Features.Complaints;

public static class ComplaintModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Complaint>(complaint =>
        {
            complaint.Property(c => c.Device).HasMaxLength(200);
            complaint.Property(c => c.Udi).HasMaxLength(200);
            complaint.Property(c => c.Lot).HasMaxLength(100);
            complaint.Property(c => c.SerialNumber).HasMaxLength(100);
            complaint.Property(c => c.Description).HasMaxLength(4000);
            complaint.Property(c => c.ReporterName).HasMaxLength(200);
            complaint.Property(c => c.PatientHarmed).HasMaxLength(10);
            complaint.Property(c => c.Status).HasMaxLength(40);
            complaint.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
            complaint.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
            complaint.HasIndex(c => new { c.AwareAt, c.Id });
            complaint.HasIndex(c => c.CompanyId);
            complaint.HasIndex(c => c.InquiryId);
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Requirements;

namespace Sanus.Web.Features.Inquiries;

public static class InquiryModel
{
    /// <summary>Also configures the records triage raises (complaints, product requirements), so the context names one model here.</summary>
    public static void Configure(ModelBuilder builder)
    {
        ComplaintModel.Configure(builder);
        RequirementModel.Configure(builder);
        builder.Entity<Inquiry>(inquiry =>
        {
            inquiry.Property(i => i.Kind).HasMaxLength(20);
            inquiry.Property(i => i.Status).HasMaxLength(30);
            inquiry.Property(i => i.Channel).HasMaxLength(20);
            inquiry.Property(i => i.Department).HasMaxLength(30);
            inquiry.Property(i => i.Outcome).HasMaxLength(20);
            inquiry.Property(i => i.Question).HasMaxLength(4000);
            inquiry.Property(i => i.ProposedAnswer).HasMaxLength(8000);
            inquiry.Property(i => i.Answer).HasMaxLength(8000);
            inquiry.Ignore(i => i.IsAnswered);
            inquiry.HasOne<Company>().WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Restrict);
            inquiry.HasOne<Deal>().WithMany().HasForeignKey(i => i.DealId).OnDelete(DeleteBehavior.Restrict);
            inquiry.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InquiryId).OnDelete(DeleteBehavior.Cascade);
            inquiry.HasIndex(i => new { i.ReceivedAt, i.Id });
            inquiry.HasIndex(i => new { i.DealId, i.ReceivedAt });
            inquiry.HasIndex(i => new { i.CompanyId, i.ReceivedAt });
            inquiry.HasIndex(i => new { i.AssigneeId, i.Status });
        });

        builder.Entity<InquiryStep>(step =>
        {
            step.HasKey(s => s.Id);
            step.Property(s => s.Action).HasMaxLength(20);
            step.Property(s => s.Department).HasMaxLength(100);
            step.Property(s => s.Person).HasMaxLength(200);
            step.Property(s => s.Outcome).HasMaxLength(20);
            step.Property(s => s.Note).HasMaxLength(8000);
            step.HasIndex(s => new { s.InquiryId, s.Seq }).IsUnique();
        });
    }
}

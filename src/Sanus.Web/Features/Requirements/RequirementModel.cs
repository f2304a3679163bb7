using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;

namespace Sanus.Web.Features.Requirements;

public static class RequirementModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ProductRequirement>(requirement =>
        {
            requirement.Property(r => r.Title).HasMaxLength(200);
            requirement.Property(r => r.Description).HasMaxLength(4000);
            requirement.Property(r => r.Status).HasMaxLength(40);
            requirement.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
            requirement.HasIndex(r => new { r.CreatedAt, r.Id });
            requirement.HasIndex(r => r.CompanyId);
            requirement.HasIndex(r => r.SourceInquiryId);
        });
    }
}

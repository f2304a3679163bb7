using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Implementation;

public static class ImplementationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ImplementationPlan>(plan =>
        {
            plan.Property(p => p.Name).HasMaxLength(300);
            plan.HasOne<Deal>().WithMany().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
            plan.HasIndex(p => p.DealId);
            plan.HasIndex(p => p.ContractId).IsUnique();
            plan.HasIndex(p => p.CompanyId);
        });
    }
}

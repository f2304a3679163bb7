using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Quotations;

namespace Sanus.Web.Features.Contracts;

public static class ContractModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Contract>(contract =>
        {
            contract.Property(c => c.Number).HasMaxLength(20);
            contract.Property(c => c.Status).HasMaxLength(30);
            contract.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Restrict);
            contract.HasOne<Quotation>().WithMany().HasForeignKey(c => c.QuotationId).OnDelete(DeleteBehavior.Restrict);
            contract.HasIndex(c => c.DealId);
            contract.HasIndex(c => c.QuotationId);
            contract.HasIndex(c => c.Number).IsUnique();
        });
    }
}

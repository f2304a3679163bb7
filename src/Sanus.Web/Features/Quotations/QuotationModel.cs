using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Quotations;

public static class QuotationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Quotation>(quotation =>
        {
            quotation.Property(q => q.Number).HasMaxLength(20);
            quotation.Property(q => q.Status).HasMaxLength(30);
            quotation.Property(q => q.Currency).HasMaxLength(3);
            quotation.Ignore(q => q.Total);
            quotation.HasOne<Deal>().WithMany().HasForeignKey(q => q.DealId).OnDelete(DeleteBehavior.Restrict);
            quotation.HasIndex(q => new { q.DealId, q.Status });
            quotation.HasIndex(q => new { q.Number, q.Revision }).IsUnique();
        });
    }
}

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
            quotation.Property(q => q.Template).HasMaxLength(30);
            quotation.Property(q => q.Currency).HasMaxLength(3);
            quotation.Property(q => q.Channel).HasMaxLength(20);
            quotation.Property(q => q.OverallDiscountPercent).HasPrecision(9, 4);
            quotation.Property(q => q.Terms).HasMaxLength(8000);
            quotation.Property(q => q.ReferenceRegulation).HasMaxLength(1000);
            quotation.Property(q => q.DecisionNote).HasMaxLength(2000);
            quotation.Ignore(q => q.Total);
            quotation.Ignore(q => q.IsDraft);
            quotation.HasOne<Deal>().WithMany().HasForeignKey(q => q.DealId).OnDelete(DeleteBehavior.Restrict);
            quotation.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuotationId).OnDelete(DeleteBehavior.Cascade);
            quotation.HasIndex(q => new { q.DealId, q.Status });
            quotation.HasIndex(q => new { q.Number, q.Revision }).IsUnique();
        });

        builder.Entity<QuotationLine>(line =>
        {
            line.ToTable("QuotationLines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Description).HasMaxLength(500);
            line.Property(l => l.Unit).HasMaxLength(30);
            line.Property(l => l.Quantity).HasPrecision(18, 4);
            line.Property(l => l.DiscountPercent).HasPrecision(9, 4);
            line.Property(l => l.TaxRatePercent).HasPrecision(9, 4);
            line.Property(l => l.OptionCode).HasMaxLength(50);
            line.Property(l => l.Sku).HasMaxLength(50);
            line.Property(l => l.ReferenceRegulation).HasMaxLength(300);
            line.Ignore(l => l.UnitPrice);
            line.HasIndex(l => new { l.QuotationId, l.Position });
        });

        builder.Entity<QuotationSettings>(settings =>
        {
            settings.ToTable("QuotationSettings");
            settings.Property(s => s.DiscountLimitPercent).HasPrecision(9, 4);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Sanus.Web.Features.Catalogue;

public static class CatalogueModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Product>(product =>
        {
            product.Property(p => p.Sku).HasMaxLength(50);
            product.Property(p => p.Gtin).HasMaxLength(14);
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Kind).HasMaxLength(30);
            product.Property(p => p.Unit).HasMaxLength(30);
            product.Property(p => p.Description).HasMaxLength(4000);
            product.Property(p => p.ReferenceRegulation).HasMaxLength(300);
            product.HasIndex(p => p.Sku).IsUnique();
            product.HasIndex(p => p.Gtin);
            product.HasIndex(p => new { p.Name, p.Id });
            product.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProductOption>(option =>
        {
            option.HasKey(o => o.Id);
            option.Property(o => o.Code).HasMaxLength(50);
            option.Property(o => o.Name).HasMaxLength(200);
            option.HasIndex(o => new { o.ProductId, o.Code }).IsUnique();
        });

        builder.Entity<PriceList>(list =>
        {
            list.Property(l => l.Name).HasMaxLength(200);
            list.Property(l => l.Channel).HasMaxLength(20);
            list.Property(l => l.Currency).HasMaxLength(3);
            list.HasIndex(l => new { l.Channel, l.Currency, l.ValidFrom });
            list.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.PriceListId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PriceListEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Ignore(e => e.UnitPrice);
            entry.Property(e => e.OptionCode).HasMaxLength(50);
            entry.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
            entry.HasIndex(e => new { e.PriceListId, e.ProductId, e.OptionCode, e.MinQuantity }).IsUnique();
            entry.HasIndex(e => e.ProductId);
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Files;

namespace Sanus.Web.Features.Contracts;

public static class ContractModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Contract>(contract =>
        {
            contract.Property(c => c.Number).HasMaxLength(20);
            contract.Property(c => c.Status).HasMaxLength(30);
            contract.Property(c => c.Currency).HasMaxLength(3);
            contract.Property(c => c.CancellationNote).HasMaxLength(2000);
            contract.Ignore(c => c.PaymentGateMinor);
            contract.Ignore(c => c.IsEditable);
            contract.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Restrict);
            contract.HasOne<Quotation>().WithMany().HasForeignKey(c => c.QuotationId).OnDelete(DeleteBehavior.Restrict);
            contract.HasMany(c => c.Clauses).WithOne().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
            contract.HasIndex(c => c.DealId);
            contract.HasIndex(c => c.QuotationId);
            contract.HasIndex(c => c.Number).IsUnique();
        });

        builder.Entity<ContractClause>(clause =>
        {
            clause.Property(c => c.Key).HasMaxLength(60);
            clause.Property(c => c.Heading).HasMaxLength(200);
            clause.Property(c => c.Text).HasMaxLength(20000);
            clause.HasIndex(c => new { c.ContractId, c.Position });
        });

        builder.Entity<CustomerSignature>(signature =>
        {
            signature.Property(s => s.ContentHash).HasMaxLength(64);
            signature.Property(s => s.SignatoryName).HasMaxLength(200);
            signature.Property(s => s.RecordedById).HasMaxLength(450);
            signature.Property(s => s.RecordedByName).HasMaxLength(300);
            signature.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
            signature.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
            signature.HasOne<StoredFile>().WithMany().HasForeignKey(s => s.SignedCopyFileId).OnDelete(DeleteBehavior.Restrict);
            signature.HasIndex(s => new { s.ContractId, s.Revision });
        });

        builder.Entity<ContractPayment>(payment =>
        {
            payment.Property(p => p.Currency).HasMaxLength(3);
            payment.Property(p => p.Reference).HasMaxLength(200);
            payment.Property(p => p.Reason).HasMaxLength(1000);
            payment.Property(p => p.RecordedById).HasMaxLength(450);
            payment.Property(p => p.RecordedByName).HasMaxLength(300);
            payment.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
            payment.HasIndex(p => new { p.ContractId, p.ReceivedOn });
        });

        builder.Entity<ChangeRequest>(change =>
        {
            change.Property(c => c.Number).HasMaxLength(20);
            change.Property(c => c.Status).HasMaxLength(40);
            change.Property(c => c.Description).HasMaxLength(4000);
            change.Property(c => c.FeasibilityRationale).HasMaxLength(4000);
            change.Property(c => c.ReplacementRecordedBy).HasMaxLength(300);
            change.Property(c => c.LoggedBy).HasMaxLength(300);
            change.Property(c => c.CustomerInformedNote).HasMaxLength(4000);
            change.Property(c => c.Outcome).HasMaxLength(30);
            change.Property(c => c.OutcomeRecordedBy).HasMaxLength(300);
            change.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
            change.HasOne<Contact>().WithMany().HasForeignKey(c => c.RequestedByContactId).OnDelete(DeleteBehavior.Restrict);
            change.HasIndex(c => c.ContractId);
            change.HasIndex(c => c.Number).IsUnique();
        });
    }
}

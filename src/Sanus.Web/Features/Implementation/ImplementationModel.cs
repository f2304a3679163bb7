using Microsoft.EntityFrameworkCore;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
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
            plan.Property(p => p.AccessGrantedBy).HasMaxLength(200);
            plan.Property(p => p.AccessGranted).HasMaxLength(2000);
            plan.Property(p => p.IfuReference).HasMaxLength(100);
            plan.Property(p => p.IfuVersion).HasMaxLength(30);
            plan.Property(p => p.IfuDeliveredTo).HasMaxLength(300);
            plan.Property(p => p.SuccessMetrics).HasMaxLength(4000);
            plan.HasOne<Deal>().WithMany().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
            plan.HasMany(p => p.Leads).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.CustomerSignatures).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
            plan.HasIndex(p => p.DealId);
            plan.HasIndex(p => p.ContractId).IsUnique();
            plan.HasIndex(p => p.CompanyId);
        });

        builder.Entity<ImplementationLead>(lead =>
        {
            lead.HasKey(l => l.Id);
            lead.Property(l => l.Id).ValueGeneratedNever();
            lead.Property(l => l.Role).HasMaxLength(100);
            lead.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Restrict);
            lead.HasIndex(l => l.PlanId);
            lead.HasIndex(l => l.ContactId);
        });

        builder.Entity<ImplementationMilestone>(milestone =>
        {
            milestone.HasKey(m => m.Id);
            milestone.Property(m => m.Id).ValueGeneratedNever();
            milestone.Property(m => m.Title).HasMaxLength(200);
            milestone.HasIndex(m => new { m.PlanId, m.Position });
        });

        builder.Entity<PlanCustomerSignature>(signature =>
        {
            signature.HasKey(s => s.Id);
            signature.Property(s => s.Id).ValueGeneratedNever();
            signature.Property(s => s.SignerName).HasMaxLength(200);
            signature.Property(s => s.RecordedBy).HasMaxLength(300);
            signature.HasIndex(s => new { s.PlanId, s.Revision });
        });

        builder.Entity<TrainingSession>(session =>
        {
            session.Property(s => s.Kind).HasMaxLength(20);
            session.Property(s => s.Title).HasMaxLength(200);
            session.Property(s => s.TrainerId).HasMaxLength(450);
            session.Property(s => s.Recurrence).HasMaxLength(200);
            session.Property(s => s.Notes).HasMaxLength(4000);
            session.HasMany(s => s.Links).WithOne().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Materials).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => new { s.ScheduledAt, s.Id });
            session.HasIndex(s => s.TrainerId);
        });

        builder.Entity<TrainingLink>(link =>
        {
            link.HasKey(l => new { l.SessionId, l.CompanyId });
            link.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Restrict);
            link.HasOne<ImplementationPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.CompanyId);
            link.HasIndex(l => l.PlanId);
        });

        builder.Entity<TrainingMaterial>(material =>
        {
            material.HasKey(m => m.Id);
            material.Property(m => m.Id).ValueGeneratedNever();
            material.Property(m => m.Title).HasMaxLength(200);
            material.Property(m => m.Url).HasMaxLength(1000);
            material.HasIndex(m => new { m.SessionId, m.Position });
        });

        builder.Entity<TrainingAttendee>(attendee =>
        {
            attendee.HasKey(a => new { a.SessionId, a.ContactId });
            attendee.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Restrict);
            attendee.HasIndex(a => a.ContactId);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Sanus.Web.Features.Imports;

/// <summary>How import jobs are stored; called from SanusDb.OnModelCreating.</summary>
public static class ImportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ImportJob>(job =>
        {
            job.HasKey(j => j.Id);
            job.Property(j => j.Kind).HasMaxLength(20);
            job.Property(j => j.FileName).HasMaxLength(260);
            job.Property(j => j.UserId).HasMaxLength(450);
            job.Property(j => j.Status).HasMaxLength(20);
            job.HasIndex(j => new { j.UserId, j.CreatedAt });
            job.HasIndex(j => j.Status);
        });

        builder.Entity<ImportFile>(file =>
        {
            file.HasKey(f => f.JobId);
            file.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

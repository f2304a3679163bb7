using Microsoft.EntityFrameworkCore;

namespace Sanus.Web.Platform.Signatures;

public static class SignatureModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Signature>(signature =>
        {
            signature.HasKey(s => s.Id);
            signature.Property(s => s.RecordKind).HasMaxLength(50);
            signature.Property(s => s.ContentHash).HasMaxLength(64);
            signature.Property(s => s.Meaning).HasMaxLength(20);
            signature.Property(s => s.SignerId).HasMaxLength(450);
            signature.Property(s => s.SignerName).HasMaxLength(200);
            signature.Property(s => s.SignerEmail).HasMaxLength(256);
            signature.HasIndex(s => new { s.RecordKind, s.RecordId, s.SignedAt });
        });
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Net.Http.Headers;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Files;

/// <summary>
/// A file kept in the database as it was stored (a quotation's PDF, a signed contract scan): never changed, so the
/// hash printed or emailed today still matches it years later. Features link to it by id and serve it after their
/// own scope check; there is no download by id for everyone. Not audited field by field (that would copy the bytes
/// into the trail): <see cref="FileStore.SaveAsync"/> writes one audit entry with the name, size and hash instead.
/// </summary>
public sealed class StoredFile : INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A safe name for downloads: no folders, no control or reserved characters.</summary>
    public string FileName { get; init; } = "";

    public string ContentType { get; init; } = "";

    public long Length { get; init; }

    /// <summary>SHA-256 of <see cref="Bytes"/>, lower-case hex.</summary>
    public string Sha256 { get; init; } = "";

    public byte[] Bytes { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public string? CreatedById { get; init; }
}

/// <summary>Stores files and serves them back (Q-4, CON-1, CON-3).</summary>
public static class FileStore
{
    public const long MaxLength = 20 * 1024 * 1024;

    /// <summary>The audit action of a stored file; the entry names the file, its size and its hash.</summary>
    public const string FileStored = "file-stored";

    private const int MaxNameLength = 200;

    /// <summary>
    /// Adds the file and its audit entry to the context; the caller saves them with its own change, so the record
    /// and its file are stored together or not at all. The time comes from <paramref name="clock"/>, or else from the
    /// app's <see cref="TimeProvider"/>.
    /// </summary>
    public static Task<StoredFile> SaveAsync(SanusDb db, string fileName, string contentType, byte[] bytes, string? userId, TimeProvider? clock = null)
    {
        if (bytes is null || bytes.Length == 0)
        {
            throw ProblemException.Invalid("file", "The file is empty. Choose a file with content.");
        }

        if (bytes.Length > MaxLength)
        {
            throw ProblemException.Invalid("file", string.Create(CultureInfo.InvariantCulture, $"The file is {bytes.Length / 1024.0 / 1024.0:0.0} MB; files may be at most 20 MB."));
        }

        clock ??= db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
        var file = new StoredFile
        {
            FileName = SafeName(fileName),
            ContentType = SafeContentType(contentType),
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            // A copy: the caller's array can't change what was hashed.
            Bytes = [.. bytes],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = userId,
        };
        db.Add(file);
        db.AuditEntries.Add(new AuditEntry
        {
            Action = FileStored,
            Entity = nameof(StoredFile),
            EntityId = file.Id.ToString(),
            Field = nameof(StoredFile.FileName),
            NewValue = string.Create(CultureInfo.InvariantCulture, $"{file.FileName}; {file.ContentType}; {file.Length} bytes; SHA-256 {file.Sha256}"),
        });
        return Task.FromResult(file);
    }

    public static Task<StoredFile?> FindAsync(SanusDb db, Guid id) =>
        db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);

    /// <summary>The file as a download under its stored name; its hash is the ETag, since the bytes never change.</summary>
    public static IResult Download(StoredFile file) =>
        TypedResults.File(file.Bytes, file.ContentType, file.FileName, lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));

    /// <summary>The last part of the name a browser or a caller sent, without control or reserved characters; "file" if nothing is left.</summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsControl(c) || "<>:\"|?*;".Contains(c, StringComparison.Ordinal) || char.IsSurrogate(c) ? '_' : c);
        }

        name = safe.ToString().Trim().Trim('.', ' ');
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            name = name[..(MaxNameLength - extension.Length)].TrimEnd('.', ' ') + extension;
        }

        return name.Length == 0 ? "file" : name;
    }

    /// <summary>Only the media type ("application/pdf"): parameters sent by a client are not worth keeping.</summary>
    private static string SafeContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Length is > 2 and <= 100
            ? parsed.MediaType.Value!.ToLowerInvariant()
            : "application/octet-stream";
}

/// <summary>How stored files are kept; called from SanusDb.OnModelCreating.</summary>
public static class StoredFileModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StoredFile>(file =>
        {
            file.ToTable("StoredFiles");
            file.HasKey(f => f.Id);
            file.Property(f => f.FileName).HasMaxLength(200);
            file.Property(f => f.ContentType).HasMaxLength(100);
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.Property(f => f.CreatedById).HasMaxLength(450);
            file.HasIndex(f => f.Sha256);
        });
    }
}

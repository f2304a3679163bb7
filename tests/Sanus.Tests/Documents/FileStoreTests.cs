using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;

namespace Sanus.Tests.Documents;

/// <summary>Stored files (Q-4, CON-1): kept as stored with their hash, size-limited, audited without copying the bytes.</summary>
public sealed class FileStoreTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_stored_file_keeps_its_bytes_hash_size_and_a_safe_name_and_the_trail_says_so_without_the_bytes()
    {
        var bytes = Pdf(50_000);
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var storedAt = app.Clock.GetUtcNow().UtcDateTime;

        var id = await app.WithDb(async db =>
        {
            var file = await FileStore.SaveAsync(db, @"..\..\C:\Users\ana\Quotation Q-2026-0042.pdf", "application/pdf", bytes, user.Id);
            await db.SaveChangesAsync();
            return file.Id;
        });
        bytes[100] ^= 0xFF;

        var stored = await app.WithDb(db => FileStore.FindAsync(db, id));
        Assert.NotNull(stored);
        Assert.Equal("Quotation Q-2026-0042.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(50_000, stored.Length);
        bytes[100] ^= 0xFF;
        Assert.Equal(bytes, stored.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(user.Id, stored.CreatedById);
        Assert.Equal(storedAt, stored.CreatedAt, TimeSpan.FromMilliseconds(1));

        var trail = await app.WithDb(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).ToListAsync());
        var entry = Assert.Single(trail);
        Assert.Equal(FileStore.FileStored, entry.Action);
        Assert.Contains("Quotation Q-2026-0042.pdf", entry.NewValue, StringComparison.Ordinal);
        Assert.Contains(stored.Sha256, entry.NewValue, StringComparison.Ordinal);
        Assert.Null(await app.WithDb(db => FileStore.FindAsync(db, Guid.NewGuid())));
    }

    [Fact]
    public async Task Empty_files_and_files_over_20_MB_are_refused_on_the_file_field()
    {
        await app.WithDb(async db =>
        {
            var empty = await Assert.ThrowsAsync<ProblemException>(() => FileStore.SaveAsync(db, "empty.pdf", "application/pdf", [], null));
            Assert.Equal(400, empty.Status);
            Assert.True(empty.Errors.ContainsKey("file"));

            var large = await Assert.ThrowsAsync<ProblemException>(() => FileStore.SaveAsync(db, "scan.pdf", "application/pdf", new byte[(20 * 1024 * 1024) + 1], null));
            Assert.Equal(400, large.Status);
            Assert.Contains("20 MB", Assert.Single(large.Errors["file"]), StringComparison.Ordinal);

            var largest = await FileStore.SaveAsync(db, "scan.pdf", "nonsense", new byte[20 * 1024 * 1024], null);
            Assert.Equal("application/octet-stream", largest.ContentType);
            return 0;
        });
    }

    [Theory]
    [InlineData("offer.pdf", "offer.pdf")]
    [InlineData(@"C:\Users\ana\offer.pdf", "offer.pdf")]
    [InlineData("/etc/../passwd", "passwd")]
    [InlineData("..\\..", "file")]
    [InlineData("", "file")]
    [InlineData("a<b>|c\r\n.pdf", "a_b__c__.pdf")]
    [InlineData("北京协和医院 合同.pdf", "北京协和医院 合同.pdf")]
    public void File_names_keep_only_a_safe_last_part(string sent, string kept) =>
        Assert.Equal(kept, FileStore.SafeName(sent));

    [Fact]
    public async Task A_download_carries_the_name_the_type_the_bytes_and_the_hash_as_etag()
    {
        var bytes = Pdf(1_000);
        var file = await app.WithDb(async db =>
        {
            var stored = await FileStore.SaveAsync(db, "Contract C-7.pdf", "application/pdf", bytes, null);
            await db.SaveChangesAsync();
            return stored;
        });

        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        await FileStore.Download(file).ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/pdf", context.Response.ContentType);
        Assert.Contains("filename=\"Contract C-7.pdf\"", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal($"\"{file.Sha256}\"", context.Response.Headers.ETag.ToString());
        Assert.Equal(bytes, ((MemoryStream)context.Response.Body).ToArray());
    }
}

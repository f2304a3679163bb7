using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Audit;

/// <summary>The hash chain over the audit trail: how an entry's hash is made and how the chain is checked.</summary>
public static class AuditChain
{
    public static string ComputeHash(AuditEntry e)
    {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart; the order of fields is part of the format.
        var text = string.Join('\u001f',
            e.PreviousHash,
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("O", CultureInfo.InvariantCulture),
            e.UserId ?? "",
            e.UserName,
            e.Action,
            e.Entity,
            e.EntityId,
            e.Field ?? "\u0000",
            e.OldValue ?? "\u0000",
            e.NewValue ?? "\u0000",
            e.Reason ?? "\u0000");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The result of walking the chain: how many entries were checked and the first broken one, if any.</summary>
    public sealed record Verification(bool Intact, long EntriesChecked, long? FirstBrokenSeq, string? Problem);

    public static async Task<Verification> VerifyAsync(SanusDb db, CancellationToken cancellationToken)
    {
        const int batchSize = 5000;
        long expectedSeq = 1;
        var previousHash = "";
        long checkedCount = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Seq >= expectedSeq)
                .OrderBy(a => a.Seq)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Seq != expectedSeq)
                {
                    return new Verification(false, checkedCount, expectedSeq, $"Entry {expectedSeq} is missing.");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return new Verification(false, checkedCount, entry.Seq, $"Entry {entry.Seq} does not point at the hash of entry {entry.Seq - 1}.");
                }

                if (ComputeHash(entry) != entry.Hash)
                {
                    return new Verification(false, checkedCount, entry.Seq, $"Entry {entry.Seq} was altered after it was written.");
                }

                previousHash = entry.Hash;
                expectedSeq++;
                checkedCount++;
            }

            if (batch.Count < batchSize)
            {
                return new Verification(true, checkedCount, null, null);
            }
        }
    }
}

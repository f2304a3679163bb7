using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Signatures;

/// <summary>The record version a signature is asked for: its kind, id, revision and the content the hash covers.</summary>
public sealed record SignedRecord(string Kind, Guid Id, int Revision, object Content);

/// <summary>
/// The one signing mechanism (REC-3, 21 CFR 11.200): the signed-in user re-enters their password (and the
/// authenticator code when enrolled) and states the meaning. A wrong password or code is audited and counts
/// toward lock-out like a failed sign-in.
/// </summary>
public sealed class Signing(UserManager<SanusUser> users, CurrentUser currentUser, TimeProvider clock)
{
    public const string SignatureFailed = "signature-failed";
    public const string SignatureAdded = "signed";

    /// <summary>
    /// Checks the signer and adds the signature to the context; the caller saves it with its own change, in the
    /// same SaveChanges. Call it before changing anything else: a refused attempt saves its audit entry at once.
    /// </summary>
    public async Task<Signature> SignAsync(SanusDb db, SignedRecord record, SignatureInput input, params string[] acceptedMeanings)
    {
        var meanings = acceptedMeanings.Length > 0 ? acceptedMeanings : SignatureMeanings.All;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(input.Password))
        {
            errors["password"] = ["Re-enter your password to sign."];
        }

        if (input.Meaning is null || !meanings.Contains(input.Meaning))
        {
            errors["meaning"] = [$"State what your signature means: {string.Join(", ", meanings)}."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var user = await users.FindByIdAsync(currentUser.Id ?? "") ?? throw ProblemException.Forbidden("Sign in to sign records.");
        if (await users.IsLockedOutAsync(user))
        {
            await AuditFailureAsync(db, user, record, "locked out");
            throw ProblemException.Locked();
        }

        if (!await users.CheckPasswordAsync(user, input.Password!))
        {
            await FailAsync(db, user, record, "wrong password");
            throw ProblemException.Invalid("password", "The password is not right. Enter your own password to sign; five failed attempts lock the account for 15 minutes.");
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = input.Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(code) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await FailAsync(db, user, record, "wrong authenticator code");
                throw ProblemException.Invalid("code", "Your account uses two-factor sign-in: enter the current 6-digit code from your authenticator app.");
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        var signature = new Signature
        {
            RecordKind = record.Kind,
            RecordId = record.Id,
            RecordRevision = record.Revision,
            ContentHash = SignedContent.Hash(record.Content),
            Meaning = input.Meaning!,
            SignerId = user.Id,
            SignerName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName,
            SignerEmail = user.Email ?? "",
            SignedAt = Microseconds(clock.GetUtcNow().UtcDateTime),
        };
        db.Add(signature);
        db.AuditEntries.Add(Entry(user, record, SignatureAdded, $"{signature.Meaning}; revision {record.Revision}; hash {signature.ContentHash}"));
        return signature;
    }

    public static Task<List<Signature>> ForRecordAsync(SanusDb db, string kind, Guid id) =>
        db.Set<Signature>().Where(s => s.RecordKind == kind && s.RecordId == id).OrderBy(s => s.SignedAt).ToListAsync();

    // PostgreSQL keeps microseconds: the time printed and hashed must be the time stored.
    private static DateTime Microseconds(DateTime at) => at.AddTicks(-(at.Ticks % 10));

    private async Task FailAsync(SanusDb db, SanusUser user, SignedRecord record, string why)
    {
        await users.AccessFailedAsync(user);
        await AuditFailureAsync(db, user, record, why);
    }

    private static async Task AuditFailureAsync(SanusDb db, SanusUser user, SignedRecord record, string why)
    {
        db.AuditEntries.Add(Entry(user, record, SignatureFailed, $"{why}; revision {record.Revision}"));
        await db.SaveChangesAsync();
    }

    private static AuditEntry Entry(SanusUser user, SignedRecord record, string action, string reason) => new()
    {
        Action = action,
        Entity = record.Kind,
        EntityId = record.Id.ToString(),
        UserId = user.Id,
        UserName = $"{user.DisplayName} <{user.Email}>",
        Reason = reason,
    };
}

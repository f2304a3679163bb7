using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Tests.Platform;

/// <summary>
/// REC-3 at the level of the signing mechanism every signed record uses: re-entered password (and TOTP), stated
/// meaning, binding to a hash of the version, failures audited and counted toward lock-out.
/// </summary>
public sealed class SignatureTests(SanusApp app) : IClassFixture<SanusApp>
{
    private sealed record Memo(string Title, decimal Total);

    private async Task<T> AsUser<T>(SanusUser user, Func<SanusDb, Signing, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!)], "test"));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitPrincipal(principal);
        return await work(scope.ServiceProvider.GetRequiredService<SanusDb>(), scope.ServiceProvider.GetRequiredService<Signing>());
    }

    private static SignedRecord Record(Guid id, decimal total) => new("Memo", id, 1, new Memo("Offer", total));

    [Fact]
    public async Task A_signature_carries_name_meaning_time_and_the_hash_of_the_signed_version()
    {
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        var id = Guid.NewGuid();

        var signature = await AsUser(user, async (db, signing) =>
        {
            var s = await signing.SignAsync(db, Record(id, 100.10m), new SignatureInput(SanusApp.Password, null, SignatureMeanings.Approver));
            await db.SaveChangesAsync();
            return s;
        });

        var stored = await app.WithDb(db => Signing.ForRecordAsync(db, "Memo", id));
        var only = Assert.Single(stored);
        Assert.Equal(user.DisplayName, only.SignerName);
        Assert.Equal("approver", only.Meaning);
        Assert.Equal(signature.SignedAt, only.SignedAt);
        Assert.InRange(app.Clock.GetUtcNow().UtcDateTime - only.SignedAt, TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
        Assert.True(only.Matches(new Memo("Offer", 100.10m)));
        Assert.False(only.Matches(new Memo("Offer", 100.11m)));
        Assert.Equal(signature.ContentHash, only.ContentHash);
        var audited = await app.WithDb(db => db.AuditEntries.Where(e => e.Entity == "Memo" && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(Signing.SignatureAdded, audited);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_audited_and_counts_toward_lock_out()
    {
        var user = await app.CreateUserAsync(roles: "General Manager");
        var id = Guid.NewGuid();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var refused = await Assert.ThrowsAsync<ProblemException>(() => AsUser(user, (db, signing) =>
                signing.SignAsync(db, Record(id, 1m), new SignatureInput("not-my-password", null, SignatureMeanings.Signer))));
            Assert.True(refused.Errors.ContainsKey("password"));
        }

        // The sixth attempt, even with the right password, meets the lock-out of five failures.
        var locked = await Assert.ThrowsAsync<ProblemException>(() => AsUser(user, (db, signing) =>
            signing.SignAsync(db, Record(id, 1m), new SignatureInput(SanusApp.Password, null, SignatureMeanings.Signer))));
        Assert.Equal(423, locked.Status);
        var failures = await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == Signing.SignatureFailed && e.EntityId == id.ToString() && e.UserId == user.Id));
        Assert.Equal(6, failures);
        Assert.Empty(await app.WithDb(db => Signing.ForRecordAsync(db, "Memo", id)));
    }

    [Fact]
    public async Task The_meaning_must_be_stated_and_may_be_limited_by_the_record()
    {
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        var refused = await Assert.ThrowsAsync<ProblemException>(() => AsUser(user, (db, signing) =>
            signing.SignAsync(db, Record(Guid.NewGuid(), 1m), new SignatureInput(SanusApp.Password, null, SignatureMeanings.Author), SignatureMeanings.Approver)));

        Assert.Contains("approver", refused.Errors["meaning"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_signer_must_also_give_the_current_authenticator_code()
    {
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanusUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
            await users.SetTwoFactorEnabledAsync(stored, true);
        }

        var id = Guid.NewGuid();
        var noCode = await Assert.ThrowsAsync<ProblemException>(() => AsUser(user, (db, signing) =>
            signing.SignAsync(db, Record(id, 1m), new SignatureInput(SanusApp.Password, null, SignatureMeanings.Approver))));
        Assert.True(noCode.Errors.ContainsKey("code"));

        // Identity checks TOTP codes against the real clock, so the code is computed from it too.
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        await AsUser(user, async (db, signing) =>
        {
            await signing.SignAsync(db, Record(id, 1m), new SignatureInput(SanusApp.Password, code, SignatureMeanings.Approver));
            return await db.SaveChangesAsync();
        });
        Assert.Single(await app.WithDb(db => Signing.ForRecordAsync(db, "Memo", id)));
    }
}

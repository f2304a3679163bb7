using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Catalogue;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Imports;
using Sanus.Web.Features.Inquiries;
using Sanus.Web.Features.Merges;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Features.Tasks;
using Sanus.Web.Features.Views;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Lookups;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Data;

public sealed class SanusDb(DbContextOptions<SanusDb> options, CurrentUser currentUser)
    : IdentityDbContext<SanusUser, SanusRole, string>(options)
{
    public const string PartnerFilter = "Partner";

    // Any fixed number: the PostgreSQL advisory lock that serialises appends to the audit chain.
    private const long AuditChainLockKey = 0x5A4E5553;

    private IDbContextTransaction? _auditTransaction;

    public CurrentUser CurrentUser => currentUser;

    /// <summary>Audit entries of the SaveChanges in progress, appended by the audit interceptor once the change is saved.</summary>
    internal List<AuditEntry> PendingAuditEntries { get; set; } = [];

    /// <summary>The reason written into the audit entries of the next SaveChanges, where a rule asks for one.</summary>
    public string? AuditReason { get; set; }

    /// <summary>The distributor whose records the current user is limited to; null for the maker's own staff.</summary>
    public Guid? PartnerScope => currentUser.PartnerCompanyId;

    /// <summary>The signed-in user's id, for query filters (a partner's own unlinked tasks).</summary>
    public string? CurrentUserId => currentUser.Id;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<RoleCapability> RoleCapabilities => Set<RoleCapability>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC; SQLite hands them back without a kind, PostgreSQL insists on UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<SanusUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.PartnerCompanyId);
        });

        builder.Entity<SanusRole>(role =>
        {
            role.Property(r => r.Code).HasMaxLength(20);
            role.Property(r => r.Description).HasMaxLength(500);
            role.HasMany(r => r.Capabilities).WithOne().HasForeignKey(c => c.RoleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoleCapability>(grant =>
        {
            grant.HasKey(g => new { g.RoleId, g.Capability });
            grant.Property(g => g.Capability).HasMaxLength(100);
        });

        builder.Entity<AccessToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(20);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasKey(e => e.Seq);
            entry.Property(e => e.Seq).ValueGeneratedNever();
            entry.HasIndex(e => new { e.Entity, e.EntityId, e.Seq });
            entry.HasIndex(e => e.At);
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.Entity).HasMaxLength(100);
            entry.Property(e => e.EntityId).HasMaxLength(200);
            entry.Property(e => e.Field).HasMaxLength(100);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
        });

        builder.Entity<Lookup>(lookup =>
        {
            lookup.HasKey(l => new { l.List, l.Value });
            lookup.Property(l => l.List).HasMaxLength(50);
            lookup.Property(l => l.Value).HasMaxLength(100);
            lookup.Property(l => l.Label).HasMaxLength(200);
        });

        builder.Entity<Company>(company =>
        {
            company.Property(c => c.Name).HasMaxLength(200);
            company.Property(c => c.NormalizedName).HasMaxLength(200);
            company.Property(c => c.LegalName).HasMaxLength(300);
            company.Property(c => c.Country).HasMaxLength(2);
            company.Property(c => c.Website).HasMaxLength(300);
            company.Property(c => c.WebsiteDomain).HasMaxLength(200);
            company.Property(c => c.Kind).HasMaxLength(100);
            company.Property(c => c.LeadStatus).HasMaxLength(30);
            company.HasIndex(c => new { c.NormalizedName, c.Id });
            company.HasIndex(c => c.WebsiteDomain);
            company.HasIndex(c => new { c.Country, c.Id });
            company.HasIndex(c => c.OwnerId);
            if (IsPostgres)
            {
                company.HasIndex(c => c.SearchText).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            }
        });


        builder.Entity<Site>(site =>
        {
            site.Property(s => s.Name).HasMaxLength(200);
            site.Property(s => s.Country).HasMaxLength(2);
            site.Property(s => s.Address).HasMaxLength(500);
            site.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
            site.HasIndex(s => s.CompanyId);
        });

        builder.Entity<CompanyRelationship>(link =>
        {
            link.Property(r => r.Type).HasMaxLength(100);
            link.HasOne<Company>().WithMany().HasForeignKey(r => r.FromCompanyId).OnDelete(DeleteBehavior.Restrict);
            link.HasOne<Company>().WithMany().HasForeignKey(r => r.ToCompanyId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(r => new { r.FromCompanyId, r.Type, r.ToCompanyId });
            link.HasIndex(r => r.ToCompanyId);
        });

        builder.Entity<Contact>(contact =>
        {
            contact.Property(c => c.FirstName).HasMaxLength(100);
            contact.Property(c => c.LastName).HasMaxLength(100);
            contact.Property(c => c.Email).HasMaxLength(254);
            contact.Property(c => c.NormalizedEmail).HasMaxLength(254);
            contact.Property(c => c.SortName).HasMaxLength(201);
            contact.Property(c => c.JobTitle).HasMaxLength(200);
            contact.Property(c => c.Phone).HasMaxLength(20);
            contact.Property(c => c.LinkedInUrl).HasMaxLength(300);
            contact.Property(c => c.LifecycleStage).HasMaxLength(40);
            contact.Ignore(c => c.FullName);
            contact.HasIndex(c => c.NormalizedEmail).IsUnique();
            contact.HasIndex(c => new { c.SortName, c.Id });
            contact.HasIndex(c => c.Phone);
            contact.HasIndex(c => c.OwnerId);
            if (IsPostgres)
            {
                contact.HasIndex(c => c.SearchText).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            }
            contact.HasMany(c => c.Companies).WithOne().HasForeignKey(cc => cc.ContactId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ContactCompany>(link =>
        {
            link.HasKey(cc => new { cc.ContactId, cc.CompanyId });
            link.HasOne<Company>().WithMany().HasForeignKey(cc => cc.CompanyId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(cc => new { cc.CompanyId, cc.ContactId });
        });

        builder.Entity<MergeRecord>(merge =>
        {
            merge.HasKey(m => m.Id);
            merge.Property(m => m.Kind).HasMaxLength(20);
            merge.HasIndex(m => m.SurvivorId);
            merge.HasIndex(m => m.MergedId);
        });

        builder.Entity<SavedView>(view =>
        {
            view.HasKey(v => v.Id);
            view.Property(v => v.List).HasMaxLength(30);
            view.Property(v => v.Name).HasMaxLength(100);
            view.Property(v => v.Query).HasMaxLength(2000);
            view.HasIndex(v => new { v.UserId, v.List, v.Name }).IsUnique();
        });

        builder.Entity<Deal>(deal =>
        {
            deal.Property(d => d.Name).HasMaxLength(400);
            deal.Property(d => d.Country).HasMaxLength(2);
            deal.Property(d => d.Description).HasMaxLength(150);
            deal.Property(d => d.Currency).HasMaxLength(3);
            deal.Property(d => d.Stage).HasMaxLength(30);
            deal.Property(d => d.DealClass).HasMaxLength(100);
            deal.Property(d => d.Origin).HasMaxLength(40);
            deal.Ignore(d => d.Amount);
            deal.Ignore(d => d.IsLost);
            deal.Ignore(d => d.IsOpen);
            deal.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Restrict);
            deal.HasMany(d => d.Contacts).WithOne().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
            deal.HasIndex(d => new { d.Stage, d.AmountMinor, d.Id });
            deal.HasIndex(d => new { d.Name, d.Id });
            deal.HasIndex(d => new { d.AmountMinor, d.Id });
            deal.HasIndex(d => d.CompanyId);
            deal.HasIndex(d => new { d.OwnerId, d.DealClass, d.Stage });
            deal.HasIndex(d => d.ExpectedCloseDate);
            deal.HasIndex(d => new { d.Country, d.AmountMinor, d.Id });

            // Covers the board's column totals and every dashboard aggregate, so they read this narrow index, not the rows.
            deal.HasIndex(d => new { d.Stage, d.Currency, d.AmountMinor, d.ArchivedAt, d.DealClass, d.Origin, d.ExpectedCloseDate, d.StageEnteredAt })
                .HasDatabaseName("IX_Deal_Pipeline");
            if (IsPostgres)
            {
                deal.HasIndex(d => d.SearchText).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            }
        });

        builder.Entity<DealContact>(link =>
        {
            link.HasKey(l => new { l.DealId, l.ContactId });
            link.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.ContactId);
        });

        builder.Entity<DealStageChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.Property(c => c.FromStage).HasMaxLength(30);
            change.Property(c => c.ToStage).HasMaxLength(30);
            change.HasIndex(c => new { c.DealId, c.At });
            change.HasIndex(c => new { c.ToStage, c.DealId });
        });

        builder.Entity<StageProbability>(p => p.HasKey(x => x.Stage));
        builder.Entity<OwnerCoverage>(c => c.HasKey(x => new { x.UserId, x.DealClass }));

        builder.Entity<TaskItem>(task =>
        {
            task.Property(t => t.Title).HasMaxLength(300);
            task.Property(t => t.Version).IsConcurrencyToken();
            task.HasIndex(t => new { t.OwnerId, t.Done, t.DueAt });

            // Keyset pages by due time: the task list, and each record's timeline.
            task.HasIndex(t => new { t.DueAt, t.Id });
            task.HasIndex(t => new { t.DealId, t.DueAt });
            task.HasIndex(t => new { t.CompanyId, t.DueAt });
            task.HasIndex(t => new { t.ContactId, t.DueAt });
            task.HasIndex(t => t.ActivityId);
        });

        ImportModel.Configure(builder);
        ActivityModel.Configure(builder);
        SignatureModel.Configure(builder);
        NumberSequence.Configure(builder);
        QuotationModel.Configure(builder);
        ContractModel.Configure(builder);
        ImplementationModel.Configure(builder);
        CatalogueModel.Configure(builder);
        StoredFileModel.Configure(builder);
        InquiryModel.Configure(builder);

        // Last, so every editable record configured above gets its version as the concurrency token (REC-2).
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(type.ClrType).Ignore(nameof(Entity.IsArchived));
        }

        PartnerScopeFilters.Apply(builder, this);
    }

    internal async Task BeginAuditTransaction(bool async, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            await LockAuditChain(async, cancellationToken);
            return;
        }

        // On SQLite, BEGIN IMMEDIATE takes the write lock, which already serialises the chain.
        _auditTransaction = async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction();
        await LockAuditChain(async, cancellationToken);
    }

    private async Task LockAuditChain(bool async, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return;
        }

        if (async)
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
        }
        else
        {
            Database.ExecuteSql($"SELECT pg_advisory_xact_lock({AuditChainLockKey})");
        }
    }

    internal void CommitAuditTransaction()
    {
        AuditReason = null;
        if (_auditTransaction is null)
        {
            return;
        }

        _auditTransaction.Commit();
        _auditTransaction.Dispose();
        _auditTransaction = null;
    }

    internal async Task CommitAuditTransactionAsync(CancellationToken cancellationToken)
    {
        AuditReason = null;
        if (_auditTransaction is null)
        {
            return;
        }

        await _auditTransaction.CommitAsync(cancellationToken);
        await _auditTransaction.DisposeAsync();
        _auditTransaction = null;
    }

    internal void RollbackAuditTransaction() => RollbackAuditTransaction(async: false, CancellationToken.None).GetAwaiter().GetResult();

    internal Task RollbackAuditTransactionAsync(CancellationToken cancellationToken) => RollbackAuditTransaction(async: true, cancellationToken);

    internal async Task RollbackAuditTransaction(bool async, CancellationToken cancellationToken)
    {
        if (_auditTransaction is null)
        {
            return;
        }

        if (async)
        {
            await _auditTransaction.RollbackAsync(cancellationToken);
            await _auditTransaction.DisposeAsync();
        }
        else
        {
            _auditTransaction.Rollback();
            _auditTransaction.Dispose();
        }

        _auditTransaction = null;
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

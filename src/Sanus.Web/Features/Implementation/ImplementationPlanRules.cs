using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Implementation;

/// <summary>What users do with implementation plans (IMP-1) and the REC-3 rule on signed revisions.</summary>
public static partial class ImplementationPlans
{
    public sealed record LeadInput(Guid? ContactId, string? Role);

    public sealed record MilestoneInput(Guid? Id, string? Title, DateOnly? DueOn, DateOnly? DoneOn = null);

    /// <summary>
    /// The whole plan as the user edits it. A null list leaves the leads or milestones as they are; other fields are
    /// replaced. <see cref="StartNewRevision"/> confirms that changing a signed revision starts the next one.
    /// </summary>
    public sealed record PlanInput(
        IReadOnlyList<LeadInput>? Leads = null,
        DateOnly? AccessGrantedOn = null,
        string? AccessGrantedBy = null,
        string? AccessGranted = null,
        DateOnly? TrainingDeliveredOn = null,
        DateOnly? IfuDeliveredOn = null,
        string? IfuReference = null,
        string? IfuVersion = null,
        string? IfuDeliveredTo = null,
        string? SuccessMetrics = null,
        IReadOnlyList<MilestoneInput>? Milestones = null,
        DateOnly? UsageReviewOn = null,
        int? UsageReviewPeriodMonths = null,
        bool StartNewRevision = false);

    public sealed record CustomerSignatureInput(string? SignerName, DateOnly? SignedOn);

    /// <summary>The scan of the plan as the customer signed it.</summary>
    public sealed record SignedScan(string FileName, string ContentType, byte[] Bytes);

    /// <summary>What a signature binds to: the plan's content without progress marks (milestone done dates).</summary>
    public sealed record PlanContent(
        string Name, int Revision, DateOnly ContractDate, IReadOnlyList<LeadInput> Leads,
        DateOnly? AccessGrantedOn, string? AccessGrantedBy, string? AccessGranted, DateOnly? TrainingDeliveredOn,
        DateOnly? IfuDeliveredOn, string? IfuReference, string? IfuVersion, string? IfuDeliveredTo, string? SuccessMetrics,
        IReadOnlyList<MilestoneInput> Milestones, DateOnly? UsageReviewOn, int? UsageReviewPeriodMonths)
    {
        public static PlanContent Of(ImplementationPlan plan) => new(
            plan.Name, plan.Revision, plan.ContractDate,
            [.. plan.Leads.OrderBy(l => l.ContactId).ThenBy(l => l.Role, StringComparer.Ordinal).Select(l => new LeadInput(l.ContactId, l.Role))],
            plan.AccessGrantedOn, plan.AccessGrantedBy, plan.AccessGranted, plan.TrainingDeliveredOn,
            plan.IfuDeliveredOn, plan.IfuReference, plan.IfuVersion, plan.IfuDeliveredTo, plan.SuccessMetrics,
            [.. plan.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneInput(null, m.Title, m.DueOn))],
            plan.UsageReviewOn, plan.UsageReviewPeriodMonths);
    }

    public static SignedRecord SignedRecordOf(ImplementationPlan plan) =>
        new(ImplementationPlan.RecordKind, plan.Id, plan.Revision, PlanContent.Of(plan));

    public static async Task<ImplementationPlan> GetAsync(SanusDb db, Guid id) =>
        await db.Set<ImplementationPlan>()
            .Include(p => p.Leads).Include(p => p.Milestones).Include(p => p.CustomerSignatures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id) ?? throw ProblemException.NotFound("implementation plan");

    /// <summary>The plans of a deal (one per signed contract), the newest first.</summary>
    public static Task<List<ImplementationPlan>> ForDealAsync(SanusDb db, Guid dealId) =>
        db.Set<ImplementationPlan>().Where(p => p.DealId == dealId && p.ArchivedAt == null)
            .Include(p => p.Leads).Include(p => p.Milestones).Include(p => p.CustomerSignatures)
            .AsSplitQuery()
            .OrderByDescending(p => p.ContractDate).ThenByDescending(p => p.Id)
            .ToListAsync();

    /// <summary>The checklist progress of the deal's newest plan, or null while the deal has none (or is out of scope).</summary>
    public static async Task<PlanProgress?> ProgressForDealAsync(SanusDb db, Guid dealId)
    {
        var plan = (await ForDealAsync(db, dealId)).FirstOrDefault();
        return plan is null ? null : PlanProgress.Of(plan, await FactsAsync(db, plan));
    }

    public static async Task<PlanFacts> FactsAsync(SanusDb db, ImplementationPlan plan)
    {
        var held = await db.Set<TrainingSession>()
            .Where(s => s.ArchivedAt == null && s.Links.Any(l => l.PlanId == plan.Id) && s.Attendees.Any(a => a.Attended))
            .MinAsync(s => (DateTime?)s.ScheduledAt);
        var signatures = await Signing.ForRecordAsync(db, ImplementationPlan.RecordKind, plan.Id);
        return new PlanFacts(
            held is { } at ? DateOnly.FromDateTime(at) : null,
            SignedByUs(plan, signatures),
            plan.CustomerSignatures.Any(s => s.Revision == plan.Revision));
    }

    /// <summary>Our signature counts for the current revision only while the content still hashes the same.</summary>
    public static bool SignedByUs(ImplementationPlan plan, IEnumerable<Signature> signatures)
    {
        var content = PlanContent.Of(plan);
        return signatures.Any(s => s.RecordRevision == plan.Revision && s.Matches(content));
    }

    /// <summary>
    /// Changes the plan. REC-3: a signed revision (by us or the customer) is never edited: a change to its content is
    /// refused unless the caller confirms it starts the next revision, which then needs new signatures.
    /// </summary>
    public static async Task<ImplementationPlan> UpdateAsync(SanusDb db, TimeProvider clock, Guid id, PlanInput input, int? expectedVersion)
    {
        var plan = await GetAsync(db, id);
        Versioning.Check(plan, expectedVersion, () => PlanContent.Of(plan));
        var before = SignedContent.Hash(PlanContent.Of(plan));
        var signed = await IsSignedAsync(db, plan);

        var errors = new Dictionary<string, string[]>();
        var today = Today(clock);
        if (input.Leads is not null)
        {
            await ApplyLeadsAsync(db, plan, input.Leads, errors);
        }

        if (input.Milestones is not null)
        {
            ApplyMilestones(plan, input.Milestones, today, errors);
        }

        ApplyFields(plan, input, today, errors);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        if (signed && SignedContent.Hash(PlanContent.Of(plan)) != before)
        {
            if (!input.StartNewRevision)
            {
                throw ProblemException.Conflict(
                    $"Revision {plan.Revision} is signed and can't be edited",
                    $"Saving your change starts revision {plan.Revision + 1}, which needs new signatures. Send startNewRevision: true to confirm.",
                    new Dictionary<string, object?> { ["revision"] = plan.Revision });
            }

            plan.Revision++;
        }

        await Versioning.SaveAsync(db, plan, expectedVersion, p => PlanContent.Of(p));
        return plan;
    }

    /// <summary>Replaces the timeline (the same REC-3 rule as any edit).</summary>
    public static async Task<ImplementationPlan> UpdateMilestonesAsync(SanusDb db, TimeProvider clock, Guid id, IReadOnlyList<MilestoneInput> milestones, bool startNewRevision, int? expectedVersion)
    {
        var plan = await GetAsync(db, id);
        return await UpdateAsync(db, clock, id, InputOf(plan) with { Milestones = milestones, StartNewRevision = startNewRevision }, expectedVersion);
    }

    /// <summary>Marks a milestone done (or not done with null): progress, not a change to the signed plan.</summary>
    public static async Task<ImplementationPlan> MarkMilestoneAsync(SanusDb db, TimeProvider clock, Guid id, Guid milestoneId, DateOnly? doneOn)
    {
        var plan = await GetAsync(db, id);
        var milestone = plan.Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw ProblemException.NotFound("milestone");
        if (doneOn > Today(clock))
        {
            throw ProblemException.Invalid("doneOn", "A milestone can't be done in the future.");
        }

        milestone.DoneOn = doneOn;
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>Our signature (REC-3) on the current revision, as approver or signer.</summary>
    public static async Task<Signature> SignAsync(SanusDb db, Signing signing, Guid id, SignatureInput input)
    {
        var plan = await GetAsync(db, id);
        var existing = await Signing.ForRecordAsync(db, ImplementationPlan.RecordKind, plan.Id);
        if (existing.Any(s => s.RecordRevision == plan.Revision && s.SignerId == db.CurrentUserId && s.Meaning == input.Meaning))
        {
            throw ProblemException.Conflict("Already signed", $"You already signed revision {plan.Revision} as {input.Meaning}.", new Dictionary<string, object?>());
        }

        var signature = await signing.SignAsync(db, SignedRecordOf(plan), input, SignatureMeanings.Approver, SignatureMeanings.Signer);
        await db.SaveChangesAsync();
        return signature;
    }

    /// <summary>Records the customer's signature on the current revision, from the signed copy they returned.</summary>
    public static async Task<PlanCustomerSignature> RecordCustomerSignatureAsync(SanusDb db, TimeProvider clock, Guid id, CustomerSignatureInput input, SignedScan? scan = null)
    {
        var plan = await GetAsync(db, id);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.SignerName))
        {
            errors["signerName"] = ["Give the name of the person who signed for the customer."];
        }
        else if (input.SignerName.Trim().Length > 200)
        {
            errors["signerName"] = ["Keep the name within 200 characters."];
        }

        if (input.SignedOn is null)
        {
            errors["signedOn"] = ["Give the date the customer signed."];
        }
        else if (input.SignedOn > Today(clock))
        {
            errors["signedOn"] = ["The signing date can't be in the future."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        if (plan.CustomerSignatures.Any(s => s.Revision == plan.Revision))
        {
            throw ProblemException.Conflict("Already signed by the customer", $"The customer's signature on revision {plan.Revision} is already recorded.", new Dictionary<string, object?>());
        }

        var signature = new PlanCustomerSignature
        {
            PlanId = plan.Id,
            Revision = plan.Revision,
            SignerName = input.SignerName!.Trim(),
            SignedOn = input.SignedOn!.Value,
            FileId = scan is null ? null : (await FileStore.SaveAsync(db, scan.FileName, scan.ContentType, scan.Bytes, db.CurrentUserId, clock)).Id,
            RecordedBy = db.CurrentUser.Name,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        plan.CustomerSignatures.Add(signature);
        await db.SaveChangesAsync();
        return signature;
    }

    /// <summary>Keeps the scan of a recorded customer signature that has none yet; a kept scan is never replaced.</summary>
    public static async Task<PlanCustomerSignature> AttachCustomerScanAsync(SanusDb db, TimeProvider clock, Guid id, Guid signatureId, SignedScan scan)
    {
        var plan = await GetAsync(db, id);
        var signature = plan.CustomerSignatures.SingleOrDefault(s => s.Id == signatureId) ?? throw ProblemException.NotFound("customer signature");
        if (signature.FileId is not null)
        {
            throw ProblemException.Conflict("The scan is kept", "This signature already has its scan; it is kept as recorded.", new Dictionary<string, object?>());
        }

        signature.FileId = (await FileStore.SaveAsync(db, scan.FileName, scan.ContentType, scan.Bytes, db.CurrentUserId, clock)).Id;
        await db.SaveChangesAsync();
        return signature;
    }

    /// <summary>The scan of a customer signature, for those who may see the plan.</summary>
    public static async Task<StoredFile> CustomerScanAsync(SanusDb db, Guid id, Guid signatureId)
    {
        var plan = await GetAsync(db, id);
        var fileId = plan.CustomerSignatures.SingleOrDefault(s => s.Id == signatureId)?.FileId ?? throw ProblemException.NotFound("scan");
        return await FileStore.FindAsync(db, fileId) ?? throw ProblemException.NotFound("scan");
    }

    /// <summary>The plan as an edit form starts from it.</summary>
    public static PlanInput InputOf(ImplementationPlan plan) => new(
        [.. plan.Leads.Select(l => new LeadInput(l.ContactId, l.Role))],
        plan.AccessGrantedOn, plan.AccessGrantedBy, plan.AccessGranted, plan.TrainingDeliveredOn,
        plan.IfuDeliveredOn, plan.IfuReference, plan.IfuVersion, plan.IfuDeliveredTo, plan.SuccessMetrics,
        [.. plan.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneInput(m.Id, m.Title, m.DueOn, m.DoneOn))],
        plan.UsageReviewOn, plan.UsageReviewPeriodMonths);

    private static async Task<bool> IsSignedAsync(SanusDb db, ImplementationPlan plan) =>
        plan.CustomerSignatures.Any(s => s.Revision == plan.Revision)
        || await db.Set<Signature>().AnyAsync(s => s.RecordKind == ImplementationPlan.RecordKind && s.RecordId == plan.Id && s.RecordRevision == plan.Revision);

    private static async Task ApplyLeadsAsync(SanusDb db, ImplementationPlan plan, IReadOnlyList<LeadInput> leads, Dictionary<string, string[]> errors)
    {
        var ids = leads.Where(l => l.ContactId is not null).Select(l => l.ContactId!.Value).Distinct().ToList();
        var ofCompany = await db.Set<Contact>()
            .Where(c => ids.Contains(c.Id) && c.Companies.Any(cc => cc.CompanyId == plan.CompanyId))
            .Select(c => c.Id).ToListAsync();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < leads.Count; i++)
        {
            var lead = leads[i];
            if (lead.ContactId is not { } contactId)
            {
                errors[$"leads[{i}].contactId"] = ["Choose the contact who leads the implementation."];
            }
            else if (!ofCompany.Contains(contactId))
            {
                errors[$"leads[{i}].contactId"] = ["Choose a contact of the customer's company."];
            }
            else if (!seen.Add(contactId))
            {
                errors[$"leads[{i}].contactId"] = ["This contact is already listed."];
            }

            if (string.IsNullOrWhiteSpace(lead.Role))
            {
                errors[$"leads[{i}].role"] = ["Say what their role in the implementation is, e.g. clinical lead."];
            }
            else if (lead.Role.Trim().Length > 100)
            {
                errors[$"leads[{i}].role"] = ["Keep the role within 100 characters."];
            }
        }

        var wanted = leads.Where(l => l.ContactId is not null && !string.IsNullOrWhiteSpace(l.Role)).DistinctBy(l => l.ContactId).ToList();
        plan.Leads.RemoveAll(l => !wanted.Any(w => w.ContactId == l.ContactId));
        foreach (var lead in wanted)
        {
            var row = plan.Leads.SingleOrDefault(l => l.ContactId == lead.ContactId);
            if (row is null)
            {
                row = new ImplementationLead { PlanId = plan.Id, ContactId = lead.ContactId!.Value };
                plan.Leads.Add(row);
            }

            row.Role = lead.Role!.Trim();
        }
    }

    private static void ApplyMilestones(ImplementationPlan plan, IReadOnlyList<MilestoneInput> milestones, DateOnly today, Dictionary<string, string[]> errors)
    {
        plan.Milestones.RemoveAll(m => !milestones.Any(i => i.Id == m.Id));
        for (var i = 0; i < milestones.Count; i++)
        {
            var input = milestones[i];
            if (string.IsNullOrWhiteSpace(input.Title))
            {
                errors[$"milestones[{i}].title"] = ["Name the milestone."];
            }
            else if (input.Title.Trim().Length > 200)
            {
                errors[$"milestones[{i}].title"] = ["Keep the title within 200 characters."];
            }

            if (input.DueOn is null)
            {
                errors[$"milestones[{i}].dueOn"] = ["Give the date it is due."];
            }

            if (input.DoneOn > today)
            {
                errors[$"milestones[{i}].doneOn"] = ["A milestone can't be done in the future."];
            }

            var row = plan.Milestones.SingleOrDefault(m => m.Id == input.Id);
            if (row is null)
            {
                row = new ImplementationMilestone { PlanId = plan.Id };
                plan.Milestones.Add(row);
            }

            row.Position = i;
            row.Title = input.Title?.Trim() ?? "";
            row.DueOn = input.DueOn ?? default;
            row.DoneOn = input.DoneOn;
        }
    }

    private static void ApplyFields(ImplementationPlan plan, PlanInput input, DateOnly today, Dictionary<string, string[]> errors)
    {
        var accessBy = Clean(input.AccessGrantedBy);
        var access = Clean(input.AccessGranted);
        if (input.AccessGrantedOn is null && (accessBy ?? access) is not null)
        {
            errors["accessGrantedOn"] = ["Give the date access was granted."];
        }

        if (input.AccessGrantedOn is not null)
        {
            Require(errors, "accessGranted", access, "Say what was granted: accounts, API keys, site access.");
            Require(errors, "accessGrantedBy", accessBy, "Say who granted the access.");
            NotFuture(errors, "accessGrantedOn", input.AccessGrantedOn, today);
        }

        NotFuture(errors, "trainingDeliveredOn", input.TrainingDeliveredOn, today);

        var ifuReference = Clean(input.IfuReference);
        var ifuVersion = Clean(input.IfuVersion);
        var ifuTo = Clean(input.IfuDeliveredTo);
        if (input.IfuDeliveredOn is null && (ifuReference ?? ifuVersion ?? ifuTo) is not null)
        {
            errors["ifuDeliveredOn"] = ["Give the date the Instructions For Use were delivered."];
        }

        if (input.IfuDeliveredOn is not null)
        {
            Require(errors, "ifuReference", ifuReference, "Give the reference of the IFU document delivered.");
            Require(errors, "ifuVersion", ifuVersion, "Give the version of the IFU delivered.");
            Require(errors, "ifuDeliveredTo", ifuTo, "Say to whom the IFU were delivered.");
            NotFuture(errors, "ifuDeliveredOn", input.IfuDeliveredOn, today);
        }

        var metrics = Clean(input.SuccessMetrics);
        if (metrics?.Length > 4000)
        {
            errors["successMetrics"] = ["Keep the metrics within 4000 characters."];
        }

        if (input.UsageReviewPeriodMonths is < 1 or > 60)
        {
            errors["usageReviewPeriodMonths"] = ["Choose a review period from 1 to 60 months."];
        }

        Limit(errors, "accessGranted", access, 2000);
        Limit(errors, "accessGrantedBy", accessBy, 200);
        Limit(errors, "ifuReference", ifuReference, 100);
        Limit(errors, "ifuVersion", ifuVersion, 30);
        Limit(errors, "ifuDeliveredTo", ifuTo, 300);

        plan.AccessGrantedOn = input.AccessGrantedOn;
        plan.AccessGrantedBy = accessBy;
        plan.AccessGranted = access;
        plan.TrainingDeliveredOn = input.TrainingDeliveredOn;
        plan.IfuDeliveredOn = input.IfuDeliveredOn;
        plan.IfuReference = ifuReference;
        plan.IfuVersion = ifuVersion;
        plan.IfuDeliveredTo = ifuTo;
        plan.SuccessMetrics = metrics;
        plan.UsageReviewOn = input.UsageReviewOn;
        plan.UsageReviewPeriodMonths = input.UsageReviewPeriodMonths;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (value is null)
        {
            errors[field] = [message];
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors[field] = [$"Keep this within {max} characters."];
        }
    }

    private static void NotFuture(Dictionary<string, string[]> errors, string field, DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            errors[field] = ["This date can't be in the future."];
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

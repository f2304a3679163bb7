using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Tests.DemoData;

/// <summary>
/// The demo company loaded at first run (UX-5) shows GP-009 past Implementation Defined: quotations of every template,
/// an approval, a superseded revision, signed and draft contracts, a paid deal, change requests in each outcome, trainings.
/// </summary>
public sealed class DemoSalesTests(DemoSalesTests.DemoApp app) : IClassFixture<DemoSalesTests.DemoApp>
{
    public sealed class DemoApp : SanusApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sanus:DemoData"] = "true" };
    }

    [Fact]
    public async Task The_demo_data_holds_quotations_of_every_template_with_an_approval_and_a_superseded_revision()
    {
        var (quotations, approvals) = await app.WithDb(async db => (
            await db.Set<Quotation>().AsNoTracking().ToListAsync(),
            await db.Set<Signature>().AsNoTracking().Where(s => s.RecordKind == QuotationRules.RecordKind && s.Meaning == SignatureMeanings.Approver).ToListAsync()));

        foreach (var template in QuotationTemplates.All)
        {
            Assert.Contains(quotations, q => q.Template == template && q.Status == QuotationStatus.Accepted && q.DocumentFileId != null);
        }

        var approval = Assert.Single(approvals);
        Assert.Equal("marc.dubois@sanus.example", approval.SignerEmail);
        var approved = quotations.Single(q => q.Id == approval.RecordId);
        Assert.True(approved.OverallDiscountPercent > QuotationSettings.DefaultDiscountLimitPercent);
        Assert.NotNull(approved.IssuedAt);

        var superseded = Assert.Single(quotations, q => q.Status == QuotationStatus.Superseded);
        Assert.Contains(quotations, q => q.Number == superseded.Number && q.Revision > superseded.Revision && q.Status == QuotationStatus.Accepted);
    }

    [Fact]
    public async Task The_demo_data_holds_a_signed_paid_contract_with_its_plan_and_a_draft_contract()
    {
        var (contracts, deals, plans, customerSignatures, contractSignatures) = await app.WithDb(async db => (
            await db.Set<Contract>().AsNoTracking().ToListAsync(),
            await db.Set<Deal>().AsNoTracking().ToListAsync(),
            await db.Set<ImplementationPlan>().Include(p => p.Leads).Include(p => p.Milestones).AsNoTracking().ToListAsync(),
            await db.Set<CustomerSignature>().AsNoTracking().ToListAsync(),
            await db.Set<Signature>().AsNoTracking().Where(s => s.RecordKind == ContractRules.RecordKind).ToListAsync()));

        var paid = Assert.Single(contracts, c => c.PaymentGateMet);
        Assert.Equal(ContractStatus.SignedByBoth, paid.Status);
        Assert.Equal(DealStages.PaymentDone, deals.Single(d => d.Id == paid.DealId).Stage);
        Assert.Contains(contractSignatures, s => s.RecordId == paid.Id && s.SignerEmail == "elena.martin@sanus.example" && s.Meaning == SignatureMeanings.Signer);
        Assert.Contains(customerSignatures, s => s.ContractId == paid.Id && s.SignedCopyFileId != Guid.Empty);

        var plan = Assert.Single(plans, p => p.ContractId == paid.Id);
        Assert.NotEmpty(plan.Leads);
        Assert.NotNull(plan.AccessGrantedOn);
        Assert.NotNull(plan.IfuDeliveredOn);
        Assert.NotNull(plan.UsageReviewOn);
        Assert.Contains(plan.Milestones, m => m.DoneOn != null);

        Assert.Equal(3, contracts.Count(c => c.SignedAt != null));
        Assert.Single(contracts, c => c.Status == ContractStatus.Draft);
    }

    [Fact]
    public async Task The_demo_data_holds_a_change_request_in_each_outcome_and_two_trainings()
    {
        var (changes, contracts, feasibilitySignatures, sessions) = await app.WithDb(async db => (
            await db.Set<ChangeRequest>().AsNoTracking().ToListAsync(),
            await db.Set<Contract>().AsNoTracking().ToListAsync(),
            await db.Set<Signature>().AsNoTracking().Where(s => s.RecordKind == ChangeRequestRules.RecordKind).ToListAsync(),
            await db.Set<TrainingSession>().Include(s => s.Links).Include(s => s.Attendees).AsNoTracking().ToListAsync()));

        var replaced = Assert.Single(changes, c => c.Status == ChangeRequestStatus.Replaced);
        Assert.True(replaced.Feasible);
        Assert.NotNull(replaced.ReplacementQuotationId);
        var continues = Assert.Single(changes, c => c.Status == ChangeRequestStatus.Closed);
        Assert.Equal((false, ChangeOutcomes.ServiceContinues), (continues.Feasible!.Value, continues.Outcome));
        var cancelled = Assert.Single(changes, c => c.Status == ChangeRequestStatus.ContractCancelled);
        var cancelledContract = contracts.Single(c => c.Id == cancelled.ContractId);
        Assert.Equal(ContractStatus.Cancelled, cancelledContract.Status);
        Assert.True(cancelledContract.CancellationCostsMinor > 0);
        Assert.All(changes, c => Assert.Contains(feasibilitySignatures, s => s.Id == c.FeasibilitySignatureId && s.SignerEmail == "katrin.weber@sanus.example"));

        var individual = Assert.Single(sessions, s => s.Kind == TrainingKinds.Individual);
        Assert.Contains(individual.Links, l => l.PlanId != null);
        Assert.Contains(individual.Attendees, a => a.Score >= individual.PassMark);
        Assert.Contains(individual.Attendees, a => a.Score < individual.PassMark);
        var webinar = Assert.Single(sessions, s => s.Kind == TrainingKinds.Webinar);
        Assert.Equal(2, webinar.Links.Select(l => l.CompanyId).Distinct().Count());
    }
}

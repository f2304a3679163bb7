using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Inquiries;
using Sanus.Web.Features.Requirements;

namespace Sanus.Tests.Inquiries;

/// <summary>The demo company loaded at first run (UX-5) shows an inquiry in each state of GP-009's workflows.</summary>
public sealed class DemoInquiriesTests(DemoInquiriesTests.DemoApp app) : IClassFixture<DemoInquiriesTests.DemoApp>
{
    public sealed class DemoApp : SanusApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sanus:DemoData"] = "true" };
    }

    [Fact]
    public async Task The_demo_data_holds_questions_and_inquiries_in_every_state()
    {
        var (inquiries, complaints, requirements) = await app.WithDb(async db => (
            await db.Set<Inquiry>().Include(i => i.Steps).AsNoTracking().ToListAsync(),
            await db.Set<Complaint>().CountAsync(),
            await db.Set<ProductRequirement>().CountAsync()));

        var escalated = Assert.Single(inquiries, i => i.Steps.Any(s => s.Action == InquiryActions.Send));
        Assert.Equal(["received", "escalate", "consult", "consult", "propose", "send"], escalated.Steps.OrderBy(s => s.Seq).Select(s => s.Action));
        Assert.Single(inquiries, i => i.Kind == InquiryKinds.PreSales && i.Status == InquiryStatus.Answered && i.Steps.Count == 2);
        Assert.Single(inquiries, i => i.Status == InquiryStatus.Escalated);
        Assert.Single(inquiries, i => i.Kind == InquiryKinds.PostSales && i.Status == InquiryStatus.Answered);
        Assert.Single(inquiries, i => i.Status == InquiryStatus.Routed);
        Assert.Single(inquiries, i => i.Status == InquiryStatus.ComplaintRaised);
        Assert.Single(inquiries, i => i.Status == InquiryStatus.RequirementRaised);
        Assert.Equal(1, complaints);
        Assert.Equal(1, requirements);
    }
}

using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using static Sanus.Web.Features.Inquiries.InquiryActions;

namespace Sanus.Web.Features.Inquiries;

/// <summary>An inquiry as the API and the pages show it: the names next to the ids, the steps in order, and what the caller may do now.</summary>
public sealed record InquiryView(
    Guid Id, int Version, string Kind, string Status, Guid CompanyId, string? CompanyName, Guid? DealId, string? DealName, Guid? ContractId,
    Guid? ContactId, string? ContactName, string? Channel, string Question, DateTime ReceivedAt,
    string? ResponsibleId, string? ResponsibleName, string? AssigneeId, string? AssigneeName, string? Department,
    string? ProposedAnswer, string? Answer, DateTime? AnsweredAt, string? AnsweredById, string? Outcome, Guid? ComplaintId, Guid? ProductRequirementId,
    IReadOnlyList<InquiryView.StepView> Steps, IReadOnlyList<string> AllowedActions, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>One hand-over: who acted, when, from whom to whom, and the note (the answer, the context, what was consulted).</summary>
    public sealed record StepView(
        int Seq, DateTime At, string Action, string Label, string? ByUserId, string? ByName, string? FromUserId, string From, string? ToUserId, string To,
        string? Department, string? Person, string? Outcome, string? Note);

    public static async Task<InquiryView> OfAsync(SanusDb db, Inquiry i, Actor actor)
    {
        var userIds = i.Steps.SelectMany(s => new[] { s.ByUserId, s.FromUserId, s.ToUserId }).Append(i.ResponsibleId).Append(i.AssigneeId).Append(i.AnsweredById)
            .OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var company = await db.Set<Company>().AsNoTracking().Where(c => c.Id == i.CompanyId).Select(c => c.Name).SingleOrDefaultAsync();
        var deal = i.DealId is { } dealId ? await db.Set<Deal>().AsNoTracking().Where(d => d.Id == dealId).Select(d => d.Name).SingleOrDefaultAsync() : null;
        var contact = i.ContactId is { } contactId
            ? await db.Set<Contact>().AsNoTracking().Where(c => c.Id == contactId).Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync()
            : null;
        string? Name(string? id) => id is null ? null : users.GetValueOrDefault(id, "a former user");
        var customer = contact ?? "the customer";
        var steps = i.Steps.OrderBy(s => s.Seq).Select(s => new StepView(
            s.Seq, s.At, s.Action, LabelOf(s), s.ByUserId, Name(s.ByUserId) ?? "system", s.FromUserId,
            Name(s.FromUserId) ?? customer, s.ToUserId, ToOf(s, i, customer, Name),
            s.Department, s.Person, s.Outcome, s.Note)).ToList();
        return new InquiryView(
            i.Id, i.Version, i.Kind, i.Status, i.CompanyId, company, i.DealId, deal, i.ContractId, i.ContactId, contact, i.Channel, i.Question, i.ReceivedAt,
            i.ResponsibleId, Name(i.ResponsibleId), i.AssigneeId, Name(i.AssigneeId), i.Department, i.ProposedAnswer, i.Answer, i.AnsweredAt, i.AnsweredById,
            i.Outcome, i.ComplaintId, i.ProductRequirementId, steps, InquiryTurns.Allowed(i, actor), i.CreatedAt, i.UpdatedAt);
    }

    /// <summary>What a stale write is shown (REC-2): the stored state without names.</summary>
    public static object Summary(Inquiry i) => new { i.Id, i.Version, i.Status, i.AssigneeId, i.ProposedAnswer, i.Answer };

    private static string LabelOf(InquiryStep s) => s.Action == Triage ? s.Outcome switch
    {
        TriageOutcomes.Answered => "Triaged: answered by Customer Success",
        TriageOutcomes.Routed => "Triaged: routed to " + s.Department,
        TriageOutcomes.Complaint => "Triaged: complaint raised",
        TriageOutcomes.Requirement => "Triaged: product requirement raised",
        _ => "Triaged",
    } : InquiryActions.Label(s.Action);

    private static string ToOf(InquiryStep s, Inquiry i, string customer, Func<string?, string?> name) => s.ToUserId is not null
        ? name(s.ToUserId)!
        : s.Action switch
        {
            Received => i.Kind == InquiryKinds.PostSales ? "Customer Success" : "the deal owner (the deal has none yet)",
            InquiryActions.Answer or Send => customer,
            Consult => s.Person is null ? s.Department ?? "" : $"{s.Person} ({s.Department})",
            Triage => s.Outcome switch
            {
                TriageOutcomes.Answered => customer,
                TriageOutcomes.Complaint => "Quality (complaint)",
                TriageOutcomes.Requirement => "Design and development (product requirement)",
                _ => s.Department ?? "",
            },
            _ => "",
        };
}

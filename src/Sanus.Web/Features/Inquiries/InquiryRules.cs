using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Requirements;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Inquiries.InquiryActions;

namespace Sanus.Web.Features.Inquiries;

/// <summary>
/// What people do with inquiries (INQ-1, INQ-2, GP-009): log a pre-sales question on a deal or a post-sales inquiry for a
/// customer, answer, escalate to the Project Manager, consult other departments, propose, send, triage. Each action is a
/// recorded step; <see cref="InquiryTurns"/> decides whose turn it is. The optional <see cref="Actor"/> is for the demo
/// data, which acts as named people; everyone else acts as the signed-in user.
/// </summary>
public static class InquiryRules
{
    public sealed record PreSalesInput(Guid? DealId, Guid? ContactId, string? Question, DateTime? ReceivedAt = null);

    public sealed record PostSalesInput(
        Guid? CompanyId, Guid? ContactId, string? Channel, string? Question, DateTime? ReceivedAt = null, Guid? DealId = null, Guid? ContractId = null);

    /// <summary>The final answer; with <paramref name="Email"/> it is also emailed to the contact who asked (when SMTP is set up).</summary>
    public sealed record AnswerInput(string? Answer, bool? Email = null);

    public sealed record EscalateInput(string? ProjectManagerId, string? Context);

    public sealed record ConsultInput(string? Department, string? Person, string? Note);

    public sealed record ProposeInput(string? Answer);

    public sealed record TriageInput(
        string? Outcome,
        string? Answer = null,
        string? Department = null,
        string? AssigneeId = null,
        string? Note = null,
        ComplaintRules.ComplaintInput? Complaint = null,
        RequirementRules.RequirementInput? Requirement = null,
        bool? Email = null);

    private const int QuestionMax = 4000;
    private const int AnswerMax = 8000;

    /// <summary>INQ-1: a customer's technical question on a deal goes to the deal owner.</summary>
    public static async Task<Inquiry> CreatePreSalesAsync(SanusDb db, TimeProvider clock, PreSalesInput input, Actor? actor = null)
    {
        actor ??= await Actor.CurrentAsync(db);
        RequireCapability(actor, Capabilities.DealsEdit, "log a pre-sales question");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var deal = input.DealId is { } dealId
            ? await db.Set<Deal>().AsNoTracking().Include(d => d.Contacts).SingleOrDefaultAsync(d => d.Id == dealId && d.ArchivedAt == null)
            : null;
        if (deal is null)
        {
            errors["dealId"] = ["Choose the deal the question is about."];
        }
        else if (input.ContactId is not { } contactId || deal.Contacts.All(c => c.ContactId != contactId))
        {
            errors["contactId"] = ["Choose who asked: one of the deal's contacts."];
        }

        var question = Text(input.Question, QuestionMax, "question", "Write down the customer's question.", errors);
        var receivedAt = ReceivedAt(input.ReceivedAt, now, errors);
        Refuse(errors);

        var inquiry = new Inquiry
        {
            Kind = InquiryKinds.PreSales,
            Status = InquiryStatus.WithDealOwner,
            CompanyId = deal!.CompanyId,
            DealId = deal.Id,
            ContactId = input.ContactId,
            Question = question!,
            ReceivedAt = receivedAt,
            ResponsibleId = deal.OwnerId,
            AssigneeId = deal.OwnerId,
        };
        AddStep(db, inquiry, now, actor, Received, to: deal.OwnerId);
        db.Add(inquiry);
        await db.SaveChangesAsync();
        return inquiry;
    }

    /// <summary>INQ-2: an inquiry from an existing customer waits for the Customer Success Manager's triage.</summary>
    public static async Task<Inquiry> CreatePostSalesAsync(SanusDb db, TimeProvider clock, PostSalesInput input, Actor? actor = null)
    {
        actor ??= await Actor.CurrentAsync(db);
        if (!actor.Capabilities.Contains(Capabilities.ActivitiesLog) && !actor.Capabilities.Contains(Capabilities.InquiriesTriage))
        {
            throw ProblemException.Forbidden($"To log a post-sales inquiry you need the capability {Capabilities.ActivitiesLog} or {Capabilities.InquiriesTriage}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var companyId = input.CompanyId is { } id && await db.Set<Company>().AnyAsync(c => c.Id == id && c.ArchivedAt == null) ? id : (Guid?)null;
        if (companyId is null)
        {
            errors["companyId"] = ["Choose the customer company."];
        }
        else
        {
            if (input.ContactId is not { } contactId || !await db.Set<ContactCompany>().AnyAsync(cc => cc.ContactId == contactId && cc.CompanyId == companyId)
                || !await db.Set<Contact>().AnyAsync(c => c.Id == contactId))
            {
                errors["contactId"] = ["Choose who it came from: a contact of the company."];
            }

            if (input.DealId is { } dealId && !await db.Set<Deal>().AnyAsync(d => d.Id == dealId && d.CompanyId == companyId))
            {
                errors["dealId"] = ["Choose a deal of this company, or leave it empty."];
            }

            if (input.ContractId is { } contractId && !await db.Set<Contract>().AnyAsync(c => c.Id == contractId
                && db.Set<Deal>().Any(d => d.Id == c.DealId && d.CompanyId == companyId) && (input.DealId == null || c.DealId == input.DealId)))
            {
                errors["contractId"] = ["Choose a contract of this company (and deal), or leave it empty."];
            }
        }

        if (input.Channel is null || InquiryChannels.All.All(c => c.Value != input.Channel))
        {
            errors["channel"] = [$"Choose how it came in: {string.Join(", ", InquiryChannels.All.Select(c => c.Value))}."];
        }

        var question = Text(input.Question, QuestionMax, "question", "Write down what the customer asked or reported.", errors);
        var receivedAt = ReceivedAt(input.ReceivedAt, now, errors);
        Refuse(errors);

        var inquiry = new Inquiry
        {
            Kind = InquiryKinds.PostSales,
            Status = InquiryStatus.AwaitingTriage,
            CompanyId = companyId!.Value,
            DealId = input.DealId,
            ContractId = input.ContractId,
            ContactId = input.ContactId,
            Channel = input.Channel,
            Question = question!,
            ReceivedAt = receivedAt,
        };
        AddStep(db, inquiry, now, actor, Received);
        db.Add(inquiry);
        await db.SaveChangesAsync();
        return inquiry;
    }

    /// <summary>The deal owner answers a pre-sales question directly, or the person a post-sales inquiry was routed to answers it.</summary>
    public static async Task<Inquiry> AnswerAsync(
        SanusDb db, TimeProvider clock, Guid id, AnswerInput input, int? expectedVersion, AnswerMail? mail = null, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Answer, expectedVersion, actor);
        var errors = new Dictionary<string, string[]>();
        var answer = Text(input.Answer, AnswerMax, "answer", "Write the answer for the customer.", errors);
        Refuse(errors);
        inquiry.ResponsibleId ??= who.UserId;
        return await FinishAsync(db, clock, inquiry, who, Answer, answer!, input.Email == true, mail, expectedVersion, outcome: null);
    }

    /// <summary>INQ-1: the deal owner hands the question with its context to a Project Manager.</summary>
    public static async Task<Inquiry> EscalateAsync(SanusDb db, TimeProvider clock, Guid id, EscalateInput input, int? expectedVersion, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Escalate, expectedVersion, actor);
        var errors = new Dictionary<string, string[]>();
        if (input.ProjectManagerId is not { Length: > 0 } pm || !await HoldsAsync(db, pm, Capabilities.InquiriesAnswerEscalated))
        {
            errors["projectManagerId"] = ["Choose a Project Manager: an active user who answers escalated technical questions."];
        }

        var context = Text(input.Context, AnswerMax, "context", "Give the Project Manager the context: what the customer needs and what you already know.", errors);
        Refuse(errors);

        inquiry.ResponsibleId ??= who.UserId;
        inquiry.Status = InquiryStatus.Escalated;
        inquiry.AssigneeId = input.ProjectManagerId;
        AddStep(db, inquiry, Now(clock), who, Escalate, from: who.UserId, to: input.ProjectManagerId, note: context);
        await Versioning.SaveAsync(db, inquiry, expectedVersion, i => InquiryView.Summary(i));
        return inquiry;
    }

    /// <summary>INQ-1: the Project Manager records whom they consulted in another department and what came of it.</summary>
    public static async Task<Inquiry> ConsultAsync(SanusDb db, TimeProvider clock, Guid id, ConsultInput input, int? expectedVersion, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Consult, expectedVersion, actor);
        var errors = new Dictionary<string, string[]>();
        var department = Text(input.Department, 100, "department", "Name the department consulted, e.g. Regulatory, Design and development, IT.", errors);
        var person = input.Person?.Trim() is { Length: > 0 } named ? named : null;
        if (person?.Length > 200)
        {
            errors["person"] = ["At most 200 characters."];
        }

        var note = Text(input.Note, AnswerMax, "note", "Note what you asked and what they said.", errors);
        Refuse(errors);

        AddStep(db, inquiry, Now(clock), who, Consult, from: who.UserId, department: department, person: person, note: note);
        await Versioning.SaveAsync(db, inquiry, expectedVersion, i => InquiryView.Summary(i));
        return inquiry;
    }

    /// <summary>INQ-1: the Project Manager proposes an answer; it goes back to the deal owner for review.</summary>
    public static async Task<Inquiry> ProposeAsync(SanusDb db, TimeProvider clock, Guid id, ProposeInput input, int? expectedVersion, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Propose, expectedVersion, actor);
        var errors = new Dictionary<string, string[]>();
        var answer = Text(input.Answer, AnswerMax, "answer", "Write the answer you propose to the deal owner.", errors);
        Refuse(errors);

        inquiry.ProposedAnswer = answer;
        inquiry.Status = InquiryStatus.AnswerProposed;
        inquiry.AssigneeId = inquiry.ResponsibleId;
        AddStep(db, inquiry, Now(clock), who, Propose, from: who.UserId, to: inquiry.ResponsibleId, note: answer);
        await Versioning.SaveAsync(db, inquiry, expectedVersion, i => InquiryView.Summary(i));
        return inquiry;
    }

    /// <summary>INQ-1: the deal owner reviews the proposed answer, may edit it, and sends the one final answer.</summary>
    public static async Task<Inquiry> SendAsync(
        SanusDb db, TimeProvider clock, Guid id, AnswerInput input, int? expectedVersion, AnswerMail? mail = null, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Send, expectedVersion, actor);
        var errors = new Dictionary<string, string[]>();
        var answer = Text(input.Answer ?? inquiry.ProposedAnswer, AnswerMax, "answer", "Write the final answer for the customer.", errors);
        Refuse(errors);
        return await FinishAsync(db, clock, inquiry, who, Send, answer!, input.Email == true, mail, expectedVersion, outcome: null);
    }

    /// <summary>
    /// INQ-2: the Customer Success Manager decides once: answer a general question, route it to a department's person,
    /// raise a complaint (AE-1) or a product requirement (GP-012). The record raised is saved with the decision.
    /// </summary>
    public static async Task<Inquiry> TriageAsync(
        SanusDb db, TimeProvider clock, Guid id, TriageInput input, int? expectedVersion, AnswerMail? mail = null, Actor? actor = null)
    {
        var (inquiry, who) = await TurnAsync(db, id, Triage, expectedVersion, actor);
        var now = Now(clock);
        var errors = new Dictionary<string, string[]>();
        var note = input.Note?.Trim() is { Length: > 0 } typed ? typed : null;
        switch (input.Outcome)
        {
            case TriageOutcomes.Answered:
                var answer = Text(input.Answer, AnswerMax, "answer", "Write the answer for the customer.", errors);
                Refuse(errors);
                inquiry.ResponsibleId = who.UserId;
                inquiry.Outcome = TriageOutcomes.Answered;
                return await FinishAsync(db, clock, inquiry, who, Triage, answer!, input.Email == true, mail, expectedVersion, TriageOutcomes.Answered);

            case TriageOutcomes.Routed:
                if (input.Department is null || Departments.All.All(d => d.Value != input.Department))
                {
                    errors["department"] = [$"Choose the department: {string.Join(", ", Departments.All.Select(d => d.Value))}."];
                }

                var assignee = input.AssigneeId is { Length: > 0 } chosen ? chosen
                    : input.Department == Departments.DealOwner && inquiry.DealId is { } dealId ? await db.Set<Deal>().Where(d => d.Id == dealId).Select(d => d.OwnerId).SingleOrDefaultAsync()
                    : null;
                if (assignee is null || !await IsStaffAsync(db, assignee))
                {
                    errors["assigneeId"] = ["Choose the person who will answer it: an active user of our team."];
                }

                Refuse(errors);
                inquiry.ResponsibleId = who.UserId;
                inquiry.Outcome = TriageOutcomes.Routed;
                inquiry.Department = input.Department;
                inquiry.Status = InquiryStatus.Routed;
                inquiry.AssigneeId = assignee;
                AddStep(db, inquiry, now, who, Triage, from: who.UserId, to: assignee, department: Departments.Label(input.Department), note: note, outcome: TriageOutcomes.Routed);
                break;

            case TriageOutcomes.Complaint:
                var complaintInput = input.Complaint is { ReporterContactId: null, ReporterName: null } given ? given with { ReporterContactId = inquiry.ContactId } : input.Complaint;
                var complaint = await ComplaintRules.BuildAsync(db, clock, inquiry.CompanyId, complaintInput, "complaint.", errors);
                Refuse(errors);
                complaint!.InquiryId = inquiry.Id;
                complaint.DealId = inquiry.DealId;
                db.Add(complaint);
                inquiry.ResponsibleId = who.UserId;
                inquiry.Outcome = TriageOutcomes.Complaint;
                inquiry.ComplaintId = complaint.Id;
                inquiry.Status = InquiryStatus.ComplaintRaised;
                inquiry.AssigneeId = null;
                AddStep(db, inquiry, now, who, Triage, from: who.UserId, department: "Quality", note: note ?? $"Complaint raised about {complaint.Device}.", outcome: TriageOutcomes.Complaint);
                break;

            case TriageOutcomes.Requirement:
                var requirement = RequirementRules.Build(inquiry.CompanyId, input.Requirement, "requirement.", errors);
                Refuse(errors);
                requirement!.SourceInquiryId = inquiry.Id;
                db.Add(requirement);
                inquiry.ResponsibleId = who.UserId;
                inquiry.Outcome = TriageOutcomes.Requirement;
                inquiry.ProductRequirementId = requirement.Id;
                inquiry.Status = InquiryStatus.RequirementRaised;
                inquiry.AssigneeId = null;
                AddStep(db, inquiry, now, who, Triage, from: who.UserId, department: "Design and development", note: note ?? $"Product requirement raised: {requirement.Title}.", outcome: TriageOutcomes.Requirement);
                break;

            default:
                throw ProblemException.Invalid("outcome", $"Choose the outcome: {string.Join(", ", TriageOutcomes.All.Select(o => o.Value))}.");
        }

        await Versioning.SaveAsync(db, inquiry, expectedVersion, i => InquiryView.Summary(i));
        return inquiry;
    }

    /// <summary>The inquiry with its steps in order; an id outside the caller's scope is not found (ACC-3).</summary>
    public static async Task<Inquiry> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Inquiry>().Include(i => i.Steps.OrderBy(s => s.Seq)).SingleOrDefaultAsync(i => i.Id == id) ?? throw ProblemException.NotFound("inquiry");

    /// <summary>The active users of our own team who may take an escalated question (JD-013 by default), for pickers.</summary>
    public static async Task<List<(string Id, string Name)>> ProjectManagersAsync(SanusDb db)
    {
        var holders = from userRole in db.UserRoles
                      join grant in db.RoleCapabilities on userRole.RoleId equals grant.RoleId
                      where grant.Capability == Capabilities.InquiriesAnswerEscalated
                      select userRole.UserId;
        return (await db.Users.AsNoTracking().Where(u => u.IsActive && u.PartnerCompanyId == null && holders.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync()).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    /// <summary>The active users of our own team an inquiry may be routed to, for pickers.</summary>
    public static async Task<List<(string Id, string Name)>> StaffAsync(SanusDb db) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive && u.PartnerCompanyId == null)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync()).Select(u => (u.Id, u.DisplayName)).ToList();

    private static async Task<(Inquiry Inquiry, Actor Actor)> TurnAsync(SanusDb db, Guid id, string action, int? expectedVersion, Actor? actor)
    {
        var inquiry = await GetAsync(db, id);
        actor ??= await Actor.CurrentAsync(db);
        InquiryTurns.Check(inquiry, action, actor);
        Versioning.Check(inquiry, expectedVersion, () => InquiryView.Summary(inquiry));
        return (inquiry, actor);
    }

    /// <summary>
    /// Records the one answer the customer gets. When asked to, emails it first: a failed email leaves nothing recorded,
    /// so the person can try again or send it another way; the email is then logged on the deal's and customer's timeline.
    /// </summary>
    private static async Task<Inquiry> FinishAsync(
        SanusDb db, TimeProvider clock, Inquiry inquiry, Actor who, string action, string answer, bool email, AnswerMail? mail, int? expectedVersion, string? outcome)
    {
        var now = Now(clock);
        inquiry.Answer = answer;
        inquiry.AnsweredAt = now;
        inquiry.AnsweredById = who.UserId;
        inquiry.Status = InquiryStatus.Answered;
        inquiry.AssigneeId = null;
        AddStep(db, inquiry, now, who, action, from: who.UserId, note: answer, outcome: outcome);
        var emailed = email ? await AnswerMail.SendAsync(db, mail, inquiry, who) : null;
        await Versioning.SaveAsync(db, inquiry, expectedVersion, i => InquiryView.Summary(i));
        if (emailed is not null)
        {
            await AnswerMail.LogAsync(db, clock, mail!, inquiry, emailed);
        }

        return inquiry;
    }

    private static void AddStep(
        SanusDb db, Inquiry inquiry, DateTime at, Actor who, string action, string? from = null, string? to = null,
        string? department = null, string? person = null, string? note = null, string? outcome = null)
    {
        var step = new InquiryStep
        {
            InquiryId = inquiry.Id,
            Seq = inquiry.Steps.Count == 0 ? 1 : inquiry.Steps.Max(s => s.Seq) + 1,
            At = at,
            ByUserId = who.UserId,
            Action = action,
            FromUserId = from,
            ToUserId = to,
            Department = department,
            Person = person,
            Note = note,
            Outcome = outcome,
        };
        if (db.Entry(inquiry).State == EntityState.Detached)
        {
            inquiry.Steps.Add(step);
        }
        else
        {
            // Added explicitly: a child with its id already set, found only through the navigation, would be taken for an existing row.
            db.Add(step);
        }
    }

    private static void RequireCapability(Actor actor, string capability, string what)
    {
        if (!actor.Capabilities.Contains(capability))
        {
            throw ProblemException.Forbidden($"To {what} you need the capability {capability} ({Capabilities.All[capability]}).");
        }
    }

    private static async Task<bool> IsStaffAsync(SanusDb db, string userId) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.IsActive && u.PartnerCompanyId == null);

    private static async Task<bool> HoldsAsync(SanusDb db, string userId, string capability) =>
        await IsStaffAsync(db, userId) && (await CapabilityHandler.GrantedAsync(db, userId)).Contains(capability);

    private static string? Text(string? value, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > max)
        {
            errors[field] = [$"{message} (at most {max} characters)"];
            return null;
        }

        return text;
    }

    private static DateTime ReceivedAt(DateTime? value, DateTime now, Dictionary<string, string[]> errors)
    {
        var at = value is { } given ? (given.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : given.ToUniversalTime()) : now;
        if (at > now)
        {
            errors["receivedAt"] = ["When it was received can't be in the future."];
        }

        return at;
    }

    private static void Refuse(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}

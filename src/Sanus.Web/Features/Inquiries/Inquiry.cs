using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Inquiries;

/// <summary>
/// A customer's question (INQ-1, INQ-2, GP-009 "Pre-sales" and "Post-sales"): a pre-sales technical question on a deal,
/// answered by the deal owner directly or through the Project Manager, or a post-sales inquiry that the Customer Success
/// Manager triages. Every hand-over is an <see cref="InquiryStep"/>; the customer gets exactly one answer.
/// </summary>
public sealed class Inquiry : Entity
{
    public string Kind { get; set; } = InquiryKinds.PreSales;

    public string Status { get; set; } = InquiryStatus.WithDealOwner;

    /// <summary>The customer company; for a pre-sales question, the deal's company. The partner scope follows it (ACC-3).</summary>
    public Guid CompanyId { get; set; }

    public Guid? DealId { get; set; }

    public Guid? ContractId { get; set; }

    /// <summary>The contact who asked.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>How a post-sales inquiry came in (<see cref="InquiryChannels"/>).</summary>
    public string? Channel { get; set; }

    public string Question { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    /// <summary>Pre-sales: the deal owner who answers the customer; post-sales: who triaged it.</summary>
    public string? ResponsibleId { get; set; }

    /// <summary>Whose turn it is: the deal owner, the Project Manager, the person a post-sales inquiry was routed to; null when nobody's.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>Post-sales: the department it was routed to (<see cref="Departments"/>).</summary>
    public string? Department { get; set; }

    /// <summary>Pre-sales: what the Project Manager proposed, for the deal owner to review.</summary>
    public string? ProposedAnswer { get; set; }

    /// <summary>The one answer the customer got.</summary>
    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public string? AnsweredById { get; set; }

    /// <summary>Post-sales: what triage decided (<see cref="TriageOutcomes"/>).</summary>
    public string? Outcome { get; set; }

    public Guid? ComplaintId { get; set; }

    public Guid? ProductRequirementId { get; set; }

    public List<InquiryStep> Steps { get; set; } = [];

    public bool IsAnswered => AnsweredAt is not null;
}

/// <summary>One hand-over or decision on an inquiry: who did what, when, from whom to whom, with what note. Append-only.</summary>
public sealed class InquiryStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid InquiryId { get; set; }

    /// <summary>1, 2, 3…: the order the steps happened in.</summary>
    public int Seq { get; set; }

    public DateTime At { get; set; }

    /// <summary>The user who acted; null for the system.</summary>
    public string? ByUserId { get; set; }

    public string Action { get; set; } = "";

    /// <summary>The user the inquiry came from; null when it came from the customer.</summary>
    public string? FromUserId { get; set; }

    /// <summary>The user it went to; null when it went to the customer (an answer) or left the inquiry (a record was raised).</summary>
    public string? ToUserId { get; set; }

    /// <summary>The department consulted or routed to.</summary>
    public string? Department { get; set; }

    /// <summary>The person consulted in another department (free text: they may not be a user).</summary>
    public string? Person { get; set; }

    /// <summary>A triage step's decision (<see cref="TriageOutcomes"/>).</summary>
    public string? Outcome { get; set; }

    public string? Note { get; set; }
}

public static class InquiryKinds
{
    public const string PreSales = "pre-sales";
    public const string PostSales = "post-sales";

    public static readonly IReadOnlyList<(string Value, string Label)> All = [(PreSales, "Pre-sales question"), (PostSales, "Post-sales inquiry")];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Value == kind).Label ?? kind;
}

public static class InquiryStatus
{
    /// <summary>Pre-sales: the deal owner answers it or escalates it.</summary>
    public const string WithDealOwner = "With deal owner";

    /// <summary>Pre-sales: the Project Manager consults and proposes an answer.</summary>
    public const string Escalated = "Escalated";

    /// <summary>Pre-sales: the deal owner reviews the proposed answer and sends it.</summary>
    public const string AnswerProposed = "Answer proposed";

    public const string AwaitingTriage = "Awaiting triage";

    /// <summary>Post-sales: the person it was routed to answers it.</summary>
    public const string Routed = "Routed";

    public const string Answered = "Answered";

    public const string ComplaintRaised = "Complaint raised";

    public const string RequirementRaised = "Requirement raised";

    public static readonly IReadOnlyList<string> All = [WithDealOwner, Escalated, AnswerProposed, AwaitingTriage, Routed, Answered, ComplaintRaised, RequirementRaised];

    public static bool IsClosed(string status) => status is Answered or ComplaintRaised or RequirementRaised;
}

/// <summary>What people do with an inquiry; the step names and the API's action names.</summary>
public static class InquiryActions
{
    public const string Received = "received";
    public const string Answer = "answer";
    public const string Escalate = "escalate";
    public const string Consult = "consult";
    public const string Propose = "propose";
    public const string Send = "send";
    public const string Triage = "triage";

    public static readonly IReadOnlyList<string> UserActions = [Answer, Escalate, Consult, Propose, Send, Triage];

    public static string Label(string action) => action switch
    {
        Received => "Received",
        Answer => "Answered",
        Escalate => "Escalated",
        Consult => "Consulted",
        Propose => "Proposed an answer",
        Send => "Sent the final answer",
        Triage => "Triaged",
        _ => action,
    };
}

public static class InquiryChannels
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        ("email", "Email"), ("phone", "Phone"), ("web-form", "Web form"), ("visit", "Visit"), ("partner", "Through a partner"), ("other", "Other"),
    ];

    public static string Label(string? channel) => All.FirstOrDefault(c => c.Value == channel).Label ?? channel ?? "";
}

/// <summary>Where the Customer Success Manager routes specialised inquiries (GP-009 "Post-sales").</summary>
public static class Departments
{
    /// <summary>Routed to the deal owner: with no assignee named, the inquiry's deal's owner takes it.</summary>
    public const string DealOwner = "deal-owner";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (DealOwner, "Deal owner"), ("project-manager", "Project Manager"), ("account-manager", "Account Manager"), ("technical", "Technical"),
    ];

    public static string Label(string? department) => All.FirstOrDefault(d => d.Value == department).Label ?? department ?? "";
}

public static class TriageOutcomes
{
    public const string Answered = "answered";
    public const string Routed = "routed";
    public const string Complaint = "complaint";
    public const string Requirement = "requirement";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Answered, "Answer it (general question)"), (Routed, "Route it to a department"), (Complaint, "A complaint about the device"), (Requirement, "A new product requirement"),
    ];

    public static string Label(string? outcome) => All.FirstOrDefault(o => o.Value == outcome).Label ?? outcome ?? "";
}

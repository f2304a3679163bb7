using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using static Sanus.Web.Features.Inquiries.InquiryActions;

namespace Sanus.Web.Features.Inquiries;

/// <summary>Who acts: a user and the capabilities their roles grant (ACC-2).</summary>
public sealed record Actor(string? UserId, IReadOnlySet<string> Capabilities)
{
    public static async Task<Actor> CurrentAsync(SanusDb db) =>
        db.CurrentUserId is { } id ? new Actor(id, await CapabilityHandler.GrantedAsync(db, id)) : new Actor(null, new HashSet<string>());
}

/// <summary>
/// Whose turn it is on an inquiry (INQ-1, INQ-2): the one place that decides whether an action may happen now. The use
/// cases refuse with it; the pages show only the buttons it allows. Order of the checks: the capability (403), then the
/// turn (422, naming what must happen first), then the person whose turn it is (403).
/// </summary>
public static class InquiryTurns
{
    public static IReadOnlyList<string> Allowed(Inquiry inquiry, Actor actor) =>
        UserActions.Where(action => Refusal(inquiry, action, actor) is null).ToList();

    public static void Check(Inquiry inquiry, string action, Actor actor)
    {
        if (Refusal(inquiry, action, actor) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The capability an action needs; null where being the assignee is what counts (a routed post-sales inquiry).</summary>
    public static string? CapabilityFor(Inquiry inquiry, string action) => action switch
    {
        Answer when inquiry.Kind == InquiryKinds.PostSales => null,
        Answer or Escalate or Send => Capabilities.DealsEdit,
        Consult or Propose => Capabilities.InquiriesAnswerEscalated,
        Triage => Capabilities.InquiriesTriage,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an inquiry action."),
    };

    public static ProblemException? Refusal(Inquiry inquiry, string action, Actor actor)
    {
        var preSales = inquiry.Kind == InquiryKinds.PreSales;
        if (!preSales && action is Escalate or Consult or Propose or Send)
        {
            return ProblemException.Refused("Post-sales inquiries are triaged, not escalated",
                ["The Customer Success Manager triages it: answers it, routes it to a department, or raises a complaint or a product requirement."]);
        }

        if (preSales && action == Triage)
        {
            return ProblemException.Refused("Pre-sales questions are not triaged",
                ["The deal owner answers a pre-sales question directly, or escalates it to a Project Manager."]);
        }

        if (CapabilityFor(inquiry, action) is { } capability && !actor.Capabilities.Contains(capability))
        {
            return ProblemException.Forbidden($"To {Verb(action)} you need the capability {capability} ({Capabilities.All[capability]}).");
        }

        if (inquiry.IsAnswered)
        {
            return ProblemException.Refused("The customer already has an answer",
                [$"It was answered on {inquiry.AnsweredAt:yyyy-MM-dd HH:mm} UTC; a question gets exactly one answer."]);
        }

        if (inquiry.Status is InquiryStatus.ComplaintRaised or InquiryStatus.RequirementRaised)
        {
            return ProblemException.Refused("The inquiry was already triaged",
                [$"It became a {(inquiry.Status == InquiryStatus.ComplaintRaised ? "complaint" : "product requirement")}; a triaged inquiry can't be triaged or answered again."]);
        }

        var expected = action switch
        {
            Answer => preSales ? InquiryStatus.WithDealOwner : InquiryStatus.Routed,
            Escalate => InquiryStatus.WithDealOwner,
            Consult or Propose => InquiryStatus.Escalated,
            Send => InquiryStatus.AnswerProposed,
            _ => InquiryStatus.AwaitingTriage,
        };
        if (inquiry.Status != expected)
        {
            return ProblemException.Refused($"It is not the time to {Verb(action)}", [WhatFirst(inquiry, action)]);
        }

        // Unassigned (a deal without an owner, a post-sales inquiry awaiting triage): anyone holding the capability.
        if (inquiry.AssigneeId is { } assignee && assignee != actor.UserId)
        {
            return ProblemException.Forbidden(inquiry.Status switch
            {
                InquiryStatus.Escalated => "The question was escalated to another Project Manager: only they consult and propose the answer.",
                InquiryStatus.Routed => "The inquiry was routed to someone else: only they answer it.",
                _ => "Only the deal owner answers the customer's question.",
            });
        }

        return null;
    }

    private static string WhatFirst(Inquiry inquiry, string action) => inquiry.Status switch
    {
        InquiryStatus.WithDealOwner when action == Send => "A Project Manager must propose an answer first: escalate the question, or answer it directly.",
        InquiryStatus.WithDealOwner => "The deal owner must escalate the question to a Project Manager first.",
        InquiryStatus.Escalated => "The Project Manager must propose an answer first; the deal owner then reviews and sends it.",
        InquiryStatus.AnswerProposed => "An answer was proposed: the deal owner reviews it and sends it to the customer.",
        InquiryStatus.AwaitingTriage => "The Customer Success Manager must triage the inquiry first.",
        InquiryStatus.Routed when action == Triage => "The inquiry was already triaged and routed; a triaged inquiry can't be triaged again. The person it was routed to answers it.",
        _ => $"The inquiry is {inquiry.Status.ToLowerInvariant()}.",
    };

    private static string Verb(string action) => action switch
    {
        Answer => "answer",
        Escalate => "escalate",
        Consult => "record a consultation",
        Propose => "propose an answer",
        Send => "send the final answer",
        _ => "triage",
    };
}

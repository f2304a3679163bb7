using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Activities;

/// <summary>
/// Something that happened with a customer (ACT-1): an email, a call, a meeting, a message or a note, linked to any
/// of companies, contacts and deals. Meetings (ACT-3) also have a start, an end, a location and attendees.
/// </summary>
public sealed class Activity : Entity
{
    public string Type { get; set; } = ActivityTypes.Note;

    /// <summary>Who initiated it: we (outbound) or they (inbound); inbound contact moves a company to Connected (CO-4).</summary>
    public string Direction { get; set; } = ActivityDirections.Outbound;

    /// <summary>When it happened (UTC); for a meeting, its start. The timeline sorts by it.</summary>
    public DateTime At { get; set; }

    public string Subject { get; set; } = "";

    public string? Body { get; set; }

    /// <summary>The author: the user who logged it, or who owns the meeting.</summary>
    public string? OwnerId { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public string? Location { get; set; }

    public List<ActivityCompany> Companies { get; set; } = [];

    public List<ActivityContact> Contacts { get; set; } = [];

    public List<ActivityDeal> Deals { get; set; } = [];

    /// <summary>The contacts invited to a meeting; each also gets the meeting on their timeline.</summary>
    public List<ActivityAttendee> Attendees { get; set; } = [];

    public bool IsMeeting => ActivityTypes.IsMeeting(Type);
}

public sealed class ActivityCompany
{
    public Guid ActivityId { get; set; }

    public Guid CompanyId { get; set; }
}

public sealed class ActivityContact
{
    public Guid ActivityId { get; set; }

    public Guid ContactId { get; set; }
}

public sealed class ActivityDeal
{
    public Guid ActivityId { get; set; }

    public Guid DealId { get; set; }
}

public sealed class ActivityAttendee
{
    public Guid ActivityId { get; set; }

    public Guid ContactId { get; set; }
}

/// <summary>ACT-1 activity types, with the labels the pages show.</summary>
public static class ActivityTypes
{
    public const string Email = "email";
    public const string Call = "call";
    public const string VideoMeeting = "video-meeting";
    public const string InPersonMeeting = "in-person-meeting";
    public const string LinkedInMessage = "linkedin-message";
    public const string WhatsAppMessage = "whatsapp-message";
    public const string Note = "note";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Email, "Email"), (Call, "Call"), (VideoMeeting, "Video meeting"), (InPersonMeeting, "In-person meeting"),
        (LinkedInMessage, "LinkedIn message"), (WhatsAppMessage, "WhatsApp message"), (Note, "Note"),
    ];

    public static bool IsMeeting(string type) => type is VideoMeeting or InPersonMeeting;

    public static string Label(string type) => All.FirstOrDefault(t => t.Value == type).Label ?? type;
}

public static class ActivityDirections
{
    /// <summary>We initiated it.</summary>
    public const string Outbound = "outbound";

    /// <summary>They initiated it.</summary>
    public const string Inbound = "inbound";

    public static readonly IReadOnlyList<(string Value, string Label)> All = [(Outbound, "We initiated"), (Inbound, "They initiated")];
}

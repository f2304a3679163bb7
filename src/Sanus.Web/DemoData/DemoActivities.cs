using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Tasks;

namespace Sanus.Web.DemoData;

/// <summary>A few weeks of the team's work on the demo deals: emails, calls, visits, meetings and follow-up tasks (ACT-1..ACT-3).</summary>
public static class DemoActivities
{
    private static readonly (string Type, string Direction, string Subject, string Body)[] Templates =
    [
        (ActivityTypes.Email, ActivityDirections.Outbound, "Introduction and product brochure", "Sent the implant system brochure and the clinical evidence summary."),
        (ActivityTypes.Email, ActivityDirections.Inbound, "Request for pricing", "They asked for list prices and consignment conditions."),
        (ActivityTypes.Call, ActivityDirections.Outbound, "Discovery call", "Discussed theatre capacity, waiting lists and the budget cycle."),
        (ActivityTypes.Call, ActivityDirections.Inbound, "Question about sterilisation", "Asked whether the instrument trays fit their autoclaves."),
        (ActivityTypes.InPersonMeeting, ActivityDirections.Outbound, "Visit to the orthopaedic department", "Demonstrated the navigation workflow to two surgeons."),
        (ActivityTypes.VideoMeeting, ActivityDirections.Outbound, "Implementation planning", "Walked through training, IFU delivery and the first surgery date."),
        (ActivityTypes.LinkedInMessage, ActivityDirections.Outbound, "Congress follow-up", "Followed up after the congress booth visit."),
        (ActivityTypes.WhatsAppMessage, ActivityDirections.Inbound, "Surgery schedule", "Shared the provisional schedule for the first cases."),
        (ActivityTypes.Note, ActivityDirections.Outbound, "Competitor situation", "They currently use a competitor's system; contract ends next year."),
    ];

    public static async Task LoadAsync(SanusDb db, TimeProvider clock, MeetingSettings settings)
    {
        var random = new Random(13);
        var now = clock.GetUtcNow().UtcDateTime;
        var deals = await db.Set<Deal>().Include(d => d.Contacts).OrderBy(d => d.Name).ToListAsync();
        foreach (var deal in deals)
        {
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                var template = Templates[random.Next(Templates.Length)];
                var at = now.AddDays(-random.Next(1, 60)).AddHours(-random.Next(0, 8));
                var meeting = ActivityTypes.IsMeeting(template.Type);
                var future = meeting && random.Next(3) == 0 ? now.AddDays(random.Next(2, 20)) : (DateTime?)null;
                var contacts = deal.Contacts.Select(c => c.ContactId).ToList();
                var activity = await ActivityRules.CreateAsync(db, clock, settings, new ActivityRules.ActivityInput(
                    template.Type, template.Direction, template.Subject, future ?? at, template.Body, deal.OwnerId,
                    [deal.CompanyId], contacts, [deal.Id],
                    meeting ? future ?? at : null, meeting ? (future ?? at).AddHours(1) : null, meeting ? "Hospital meeting room" : null,
                    meeting ? contacts : null));
                if (random.Next(4) == 0 && deal.IsOpen)
                {
                    db.Add(new TaskItem
                    {
                        Title = "Follow up: " + activity.Subject,
                        DueAt = now.AddDays(random.Next(-5, 15)),
                        OwnerId = deal.OwnerId,
                        DealId = deal.Id,
                        CompanyId = deal.CompanyId,
                        ContactId = contacts.FirstOrDefault() is var contact && contact != Guid.Empty ? contact : null,
                    });
                    await db.SaveChangesAsync();
                }
            }
        }
    }
}

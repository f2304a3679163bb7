using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Activities;

/// <summary>
/// CO-4: an activity logged on a contact moves each of the contact's companies from New or Open to Attempted, and
/// an inbound one (they initiated it) to Connected. Open deal wins over both, and statuses set by hand
/// (In progress, Unqualified, Bad timing) are left alone. The audit interceptor records the change.
/// </summary>
public static class LeadStatusRules
{
    private static readonly string[] OpenStages = [.. DealStages.InOrder.Where(DealStages.IsOpen)];

    public static async Task ApplyAsync(SanusDb db, Activity activity)
    {
        var contactIds = activity.Contacts.Select(l => l.ContactId).ToList();
        if (contactIds.Count == 0)
        {
            return;
        }

        var companyIds = db.Set<ContactCompany>().Where(cc => contactIds.Contains(cc.ContactId)).Select(cc => cc.CompanyId);
        var companies = await db.Set<Company>().Where(c => companyIds.Contains(c.Id) && c.ArchivedAt == null).ToListAsync();
        var ids = companies.Select(c => c.Id).ToList();
        var withOpenDeal = await db.Set<Deal>()
            .Where(d => ids.Contains(d.CompanyId) && d.ArchivedAt == null && OpenStages.Contains(d.Stage))
            .Select(d => d.CompanyId).Distinct().ToListAsync();
        foreach (var company in companies)
        {
            if (company.LeadStatus == LeadStatuses.OpenDeal || withOpenDeal.Contains(company.Id))
            {
                continue;
            }

            var next = Next(company.LeadStatus, activity.Direction == ActivityDirections.Inbound);
            if (next is not null)
            {
                company.LeadStatus = next;
            }
        }
    }

    /// <summary>The status after a logged activity, or null when it stays.</summary>
    public static string? Next(string current, bool inbound) => (current, inbound) switch
    {
        (LeadStatuses.New or LeadStatuses.Open or LeadStatuses.Attempted, true) => LeadStatuses.Connected,
        (LeadStatuses.New or LeadStatuses.Open, false) => LeadStatuses.Attempted,
        _ => null,
    };
}

using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.DemoData;

/// <summary>
/// About 120 deals of Osteon Medical's team across the stages the gates allow today, every deal class and
/// origin, a few lost ones with come-back dates, and the deal classes each Business Development person covers.
/// Moved through the real rules, so every stage change and gate is as a user would have made it.
/// </summary>
public static class DemoDeals
{
    private static readonly string[] Descriptions =
    [
        "Proof of Concept", "Knee Implant Programme", "Hip Revision Kits", "Imaging AI Pilot", "Spine Navigation Rollout", "Trauma Plates Tender",
        "Radiology Reporting API", "Consignment Stock", "Clinical Trial Reads", "Surgeon Training Programme", "Annual Support Renewal", "Shoulder System Launch",
    ];

    public static async Task LoadAsync(SanusDb db, TimeProvider clock, IReadOnlyDictionary<string, string> usersByEmail)
    {
        var random = new Random(8);
        var pool = new[] { "pablo.ruiz@sanus.example", "greta.schmidt@sanus.example" };
        var classes = DealLookups.DealClasses.Select(c => c.Value).ToList();
        for (var i = 0; i < classes.Count; i++)
        {
            db.Add(new OwnerCoverage { UserId = usersByEmail[pool[i % 2]], DealClass = classes[i] });
            if (i % 3 == 0)
            {
                db.Add(new OwnerCoverage { UserId = usersByEmail[pool[(i + 1) % 2]], DealClass = classes[i] });
            }
        }

        await db.SaveChangesAsync();

        var companies = await db.Set<Company>().Where(c => c.Kind != "supplier").OrderBy(c => c.Name).ToListAsync();
        var contacts = await db.Set<ContactCompany>().ToListAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var n = 0; n < 120; n++)
        {
            var company = companies[n % companies.Count];
            var dealClass = company.Kind switch
            {
                "pharma" => random.Next(2) == 0 ? "pharma-clinical-trials" : "pharma-marketing",
                "insurer" => "insurer",
                "distributor" => "distributor-resale",
                _ => classes[random.Next(6)],
            };
            var people = contacts.Where(c => c.CompanyId == company.Id).Select(c => c.ContactId).Take(random.Next(1, 3)).ToList();
            var owner = n % 17 == 0 ? null : usersByEmail[pool[random.Next(2)]];
            var deal = await DealRules.CreateAsync(db, clock, new DealRules.DealInput(
                company.Id, Descriptions[random.Next(Descriptions.Length)] + (n >= Descriptions.Length ? $" {2026 + (n % 3)}" : ""),
                dealClass, DealStages.Origins[random.Next(DealStages.Origins.Count)].Value,
                random.Next(8, 400) * 1000m, company.Country is "GB" ? "GBP" : company.Country is "CN" ? "CNY" : company.Country is "CH" ? "CHF" : "EUR",
                today.AddDays(random.Next(10, 300)), ContactIds: people, OwnerId: owner,
                Phase: n % 11 == 0 ? "part 1 of 2 Pilot" : null));

            var target = (n % 10) switch
            {
                0 or 1 or 2 => DealStages.Prospected,
                3 or 4 => DealStages.Qualified,
                5 or 6 => DealStages.Discovered,
                7 or 8 => DealStages.ImplementationDefined,
                _ => DealStages.Lost,
            };
            await AdvanceAsync(db, clock, deal, target, today, random);
        }
    }

    private static async Task AdvanceAsync(SanusDb db, TimeProvider clock, Deal deal, string target, DateOnly today, Random random)
    {
        if (target == DealStages.Lost)
        {
            await DealRules.LoseAsync(db, clock, deal.Id, new DealRules.LoseInput(
                DealLookups.LostReasons[random.Next(DealLookups.LostReasons.Count)].Value, "The customer chose to wait for next year's budget.",
                random.Next(2) == 0 ? today.AddMonths(random.Next(3, 12)) : null, random.Next(2) == 0), null);
            return;
        }

        if (target == DealStages.Prospected)
        {
            return;
        }

        if (DealStages.IndexOf(target) >= DealStages.IndexOf(DealStages.Discovered))
        {
            await DealRules.UpdateAsync(db, deal.Id, Qualification(deal), null);
        }

        await DealRules.MoveAsync(db, clock, deal.Id, target, null);
    }

    private static DealRules.DealInput Qualification(Deal deal) => new(
        deal.CompanyId, deal.Description, deal.DealClass, deal.Origin, deal.Amount, deal.Currency, deal.ExpectedCloseDate, deal.Country,
        deal.Contacts.Select(c => c.ContactId).ToList(), deal.OwnerId, deal.Phase,
        BudgetConfirmed: true, BudgetNote: "Capital budget approved for next fiscal year",
        AuthorityConfirmed: true, AuthorityNote: "Medical director and purchasing sign jointly",
        NeedConfirmed: true, NeedNote: "Waiting lists for joint replacement above 6 months",
        TimelineConfirmed: false, TimelineNote: null,
        ImplementationMethod: "Device delivery with on-site training",
        SuccessMetrics: "Theatre time per procedure, revision rate at 12 months",
        PricingBasis: "Per unit", PricingFigures: "€2,450 per implant set, 5% off above 200 units",
        ImplementationTimeline: "First surgeries 8 weeks after signature");
}

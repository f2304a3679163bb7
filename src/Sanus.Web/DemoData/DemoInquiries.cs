using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Inquiries;
using Sanus.Web.Features.Requirements;
using Sanus.Web.Platform.Auth;
using static Sanus.Web.Features.Inquiries.InquiryRules;

namespace Sanus.Web.DemoData;

/// <summary>
/// Customers' questions in every state of GP-009's workflows (INQ-1, INQ-2), made through the real rules by the people
/// whose turn it is: a question answered directly, one escalated through the Project Manager's consultations to the final
/// answer, one waiting for the Project Manager; post-sales inquiries answered, routed, and triaged into a complaint and a
/// product requirement.
/// </summary>
public static class DemoInquiries
{
    private const string ProjectManager = "jonas.keller@sanus.example";
    private const string CustomerSuccess = "ines.moreau@sanus.example";
    private const string AccountManager = "oliver.hughes@sanus.example";

    public static async Task LoadAsync(SanusDb db, TimeProvider clock, IReadOnlyDictionary<string, string> usersByEmail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        async Task<Actor> As(string email) => new(usersByEmail[email], await CapabilityHandler.GrantedAsync(db, usersByEmail[email]));
        var pm = await As(ProjectManager);
        var csm = await As(CustomerSuccess);

        if (await DealAsync(db, "Hospital Universitario San Rafael") is { } direct)
        {
            var owner = new Actor(direct.OwnerId, await CapabilityHandler.GrantedAsync(db, direct.OwnerId!));
            var question = await CreatePreSalesAsync(db, clock, new PreSalesInput(
                direct.Id, direct.Contacts[0].ContactId, "Does the navigation software support a robotic-arm workflow in the same theatre?", now.AddDays(-9)), owner);
            await AnswerAsync(db, clock, question.Id, new AnswerInput(
                "Yes. The navigation runs alongside the robotic arm; both share the same registration of the patient's anatomy."), null, actor: owner);
        }

        if (await DealAsync(db, "Universitätsklinikum Rheinland") is { } escalated)
        {
            var owner = new Actor(escalated.OwnerId, await CapabilityHandler.GrantedAsync(db, escalated.OwnerId!));
            var question = await CreatePreSalesAsync(db, clock, new PreSalesInput(
                escalated.Id, escalated.Contacts[0].ContactId, "Can the imaging AI export its reports to our PACS as DICOM structured reports?", now.AddDays(-6)), owner);
            await EscalateAsync(db, clock, question.Id, new EscalateInput(usersByEmail[ProjectManager],
                "They run a large PACS across three sites and the tender asks for structured results. Decision due this quarter."), null, owner);
            await ConsultAsync(db, clock, question.Id, new ConsultInput("Design and development", "Katrin Weber",
                "DICOM SR export is built and validated in release 3.3; earlier releases export PDF only."), null, pm);
            await ConsultAsync(db, clock, question.Id, new ConsultInput("Quality and regulatory", "Lucía Romano",
                "The export does not change the intended use; covered by the current technical documentation."), null, pm);
            await ProposeAsync(db, clock, question.Id, new ProposeInput(
                "Yes, from release 3.3: results are exported as DICOM SR to any conformant PACS."), null, pm);
            await SendAsync(db, clock, question.Id, new AnswerInput(
                "Yes. From release 3.3 the reports are exported as DICOM structured reports to any conformant PACS; we can show it on your test system."), null, actor: owner);
        }

        if (await DealAsync(db, "Ospedale San Giorgio") is { } waiting)
        {
            var owner = new Actor(waiting.OwnerId, await CapabilityHandler.GrantedAsync(db, waiting.OwnerId!));
            var question = await CreatePreSalesAsync(db, clock, new PreSalesInput(
                waiting.Id, waiting.Contacts[0].ContactId, "Is the hip revision kit compatible with ceramic heads from other makers?", now.AddDays(-2)), owner);
            await EscalateAsync(db, clock, question.Id, new EscalateInput(usersByEmail[ProjectManager],
                "Their surgeons mix brands today; they need an answer before the product committee meets."), null, owner);
        }

        if (await PostSalesAsync(db, clock, csm, "Hôpital Saint-Exupéry", "email", "Where can we download the latest Instructions For Use of the knee system?", now.AddDays(-12)) is { } general)
        {
            await TriageAsync(db, clock, general.Id, new TriageInput(TriageOutcomes.Answered,
                Answer: "The latest IFU is on the customer portal under Documents; we have also sent the PDF to your theatre coordinator."), null, actor: csm);
        }

        if (await PostSalesAsync(db, clock, csm, "St Bartholomew Orthopaedic Centre", "phone", "We would like to add two surgeons to the training programme next month.", now.AddDays(-3)) is { } routed)
        {
            await TriageAsync(db, clock, routed.Id, new TriageInput(TriageOutcomes.Routed, Department: "account-manager",
                AssigneeId: usersByEmail[AccountManager], Note: "Extra training seats: may need a contract addendum."), null, actor: csm);
        }

        if (await PostSalesAsync(db, clock, csm, "Clínica Mediterránea", "phone", "A surgeon reports discoloured screws in a sterile trauma tray opened this morning.", now.AddDays(-1)) is { } reported)
        {
            var site = await db.Set<Site>().Where(s => s.CompanyId == reported.CompanyId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
            await TriageAsync(db, clock, reported.Id, new TriageInput(TriageOutcomes.Complaint, Complaint: new ComplaintRules.ComplaintInput(
                "Trauma plate system TP-3", reported.ReceivedAt, "Discoloured screws found in a sterile tray before surgery; the tray was not used.", PatientHarm.No,
                Udi: "(01)08412345678905(17)271231(10)LOT2417", Lot: "LOT2417", SiteId: site)), null, actor: csm);
        }

        if (await PostSalesAsync(db, clock, csm, "Beijing Union Imaging Centre", "web-form", "Could the AI report also give the Kellgren-Lawrence grade of the knee?", now.AddDays(-20)) is { } wish)
        {
            await TriageAsync(db, clock, wish.Id, new TriageInput(TriageOutcomes.Requirement, Requirement: new RequirementRules.RequirementInput(
                "Kellgren-Lawrence grade in the knee report", "Radiologists want the KL grade next to the severity score, to compare with their own grading.")), null, actor: csm);
        }
    }

    /// <summary>An owned deal of that customer with a contact; none when the demo set has no such deal.</summary>
    private static async Task<Deal?> DealAsync(SanusDb db, string companyName) =>
        await db.Set<Deal>().Include(d => d.Contacts)
            .Where(d => d.OwnerId != null && d.Contacts.Any() && d.Stage != DealStages.Lost && db.Set<Company>().Any(c => c.Id == d.CompanyId && c.Name == companyName))
            .OrderBy(d => d.Name).FirstOrDefaultAsync();

    private static async Task<Inquiry?> PostSalesAsync(SanusDb db, TimeProvider clock, Actor csm, string companyName, string channel, string question, DateTime receivedAt)
    {
        var company = await db.Set<Company>().Where(c => c.Name == companyName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        var contact = company is null ? null : await db.Set<ContactCompany>().Where(cc => cc.CompanyId == company).Select(cc => (Guid?)cc.ContactId).FirstOrDefaultAsync();
        var deal = company is null ? null : await db.Set<Deal>().Where(d => d.CompanyId == company).OrderBy(d => d.Name).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        return contact is null ? null : await CreatePostSalesAsync(db, clock, new PostSalesInput(company, contact, channel, question, receivedAt, deal), csm);
    }
}

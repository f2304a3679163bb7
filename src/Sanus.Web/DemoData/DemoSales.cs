using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Catalogue;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Documents;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.DemoData;

/// <summary>
/// GP-009 after Implementation Defined (Q-2..Q-5, CON-1, CON-2, IMP-1, IMP-2), made through the real rules by the people
/// whose turn it is: a catalogue quotation above the discount limit approved by the Sales Manager's signature, an API
/// quotation issued, revised and re-issued, a clinical-trial quotation; contracts signed by the General Manager and the
/// customer, one with its implementation plan filled in and paid to Payment Done, one left as a draft; a change request
/// in each outcome signed by the Design and Development Manager; an individual training and a webinar. Nothing is emailed:
/// the demo has no SMTP server.
/// </summary>
public static class DemoSales
{
    private const string SalesManager = "marc.dubois@sanus.example";
    private const string GeneralManager = "elena.martin@sanus.example";
    private const string DesignManager = "katrin.weber@sanus.example";
    private const string ProjectManager = "jonas.keller@sanus.example";

    public static async Task LoadAsync(SanusDb db, UserManager<SanusUser> users, IConfiguration configuration, TimeProvider clock, string password)
    {
        var demo = new Demo(db, users, clock, password, QuotationDocument.Issuer(configuration), ContractDocument.Issuer(configuration));
        try
        {
            await demo.RunAsync();
        }
        finally
        {
            // The rest of the first run acts as the system again.
            db.CurrentUser.UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity()));
        }
    }

    private sealed class Demo(SanusDb db, UserManager<SanusUser> users, TimeProvider clock, string password, DocumentHeader quotationIssuer, DocumentHeader contractIssuer)
    {
        private readonly DateOnly _today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        private DateOnly ValidUntil => _today.AddDays(60);

        public async Task RunAsync()
        {
            var candidates = await db.Set<Deal>().Include(d => d.Contacts)
                .Where(d => d.Stage == DealStages.ImplementationDefined && d.OwnerId != null && d.Contacts.Any())
                .OrderBy(d => d.Name).ToListAsync();
            var contactsPerCompany = await db.Set<ContactCompany>().GroupBy(cc => cc.CompanyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var used = new HashSet<Guid>();
            Deal? Pick(Func<Deal, bool> wanted, Func<Deal, bool>? preferred = null)
            {
                var deal = candidates.Where(d => !used.Contains(d.Id) && wanted(d) && (preferred?.Invoke(d) ?? true)).FirstOrDefault()
                    ?? candidates.FirstOrDefault(d => !used.Contains(d.Id) && wanted(d));
                if (deal is not null)
                {
                    used.Add(deal.Id);
                }

                return deal;
            }

            var paid = Pick(d => d.Currency == "EUR", d => !d.DealClass.StartsWith("pharma", StringComparison.Ordinal) && contactsPerCompany.GetValueOrDefault(d.CompanyId) >= 2);
            var api = Pick(_ => true, d => !d.DealClass.StartsWith("pharma", StringComparison.Ordinal));
            var trial = Pick(_ => true, d => d.DealClass == "pharma-clinical-trials");
            var draft = Pick(d => d.Currency is "EUR" or "GBP");
            if (paid is null || api is null || trial is null || draft is null)
            {
                return;
            }

            var plan = await PaidDealAsync(paid);
            await ApiDealAsync(api);
            await TrialDealAsync(trial);
            await DraftContractAsync(draft);
            await TrainingsAsync(plan, paid, api, trial);
        }

        /// <summary>Catalogue quotation above the discount limit, approved, accepted, signed, planned and paid; then a feasible change.</summary>
        private async Task<ImplementationPlan> PaidDealAsync(Deal deal)
        {
            await ActAsAsync(deal.OwnerId!);
            var products = await db.Set<Product>().ToDictionaryAsync(p => p.Sku, p => p.Id);
            var quotation = await QuotationRules.CreateAsync(db, clock, new QuotationRules.CreateInput(
                deal.Id, QuotationTemplates.Equipment, ValidUntil, "EUR", PriceChannels.Direct,
                "Delivery within 6 weeks of order. Payment 30 days from invoice. Instruments on loan for the duration of the programme.",
                OverallDiscountPercent: 15m,
                Lines:
                [
                    Product(products["OST-KNEE-TK"], 25m, "T3"),
                    Product(products["OST-CEM-40"], 30m),
                    Product(products["OST-SVC-INST"], 1m),
                    Product(products["OST-SVC-TRAIN"], 2m),
                ]));

            // 15% is above the limit: the Sales Manager signs this revision before the owner issues it.
            await ActAsAsync(SalesManager);
            await QuotationRules.ApproveAsync(db, Signing(), quotation.Id, Signature(SignatureMeanings.Approver));
            await ActAsAsync(deal.OwnerId!);
            await QuotationIssuing.IssueAsync(db, clock, quotationIssuer, quotation.Id, null);

            // The owner starts revision 2 (Gold support for a second theatre) while the customer is still deciding;
            // the customer accepts revision 1 as it stands, and revision 2 waits as a draft.
            var revision = await QuotationRules.ReviseAsync(db, quotation.Id);
            await AcceptAsync(deal, quotation.Id, "Purchase order received from the hospital's procurement office.");

            var contract = await ContractRules.CreateAsync(db, clock, new ContractRules.CreateInput(quotation.Id, decimal.Round(quotation.TotalMinor / 100m * 0.3m, 2)));
            await SignBothAsync(deal, contract);

            var plan = (await ImplementationPlans.ForDealAsync(db, deal.Id)).Single();
            await FillPlanAsync(deal, plan);

            // The first instalment meets the payment gate: the deal reaches Payment Done (DL-4).
            await ActAsAsync(deal.OwnerId!);
            contract = await ContractRules.GetAsync(db, contract.Id);
            await ContractPayments.AddAsync(db, clock, contract.Id, new ContractPayments.PaymentInput(
                contract.PaymentGateMinor / 100m, contract.Currency, _today, $"SEPA {contract.Number} first instalment"));

            // CON-2 (a, b): the customer asks for Gold support after all; feasible, and revision 2, issued now, replaces
            // the contract's quotation.
            var change = await ChangeAsync(deal, contract, "Add the 24/7 Gold support package for the second theatre opening in spring.");
            await DecideAsync(contract, change, true, "Gold support is a standard package; the field service team covers the region.");
            await ActAsAsync(deal.OwnerId!);
            await QuotationRules.UpdateAsync(db, clock, revision.Id, new QuotationRules.UpdateInput(
                ValidUntil, "EUR", PriceChannels.Direct, "Replaces revision 1 of the signed contract; same delivery terms.", null, 8m,
                [
                    Product(products["OST-KNEE-TK"], 25m, "T3"),
                    Product(products["OST-CEM-40"], 30m),
                    Product(products["OST-SVC-INST"], 1m),
                    Product(products["OST-SVC-TRAIN"], 2m),
                    Product(products["OST-SUP-L2"], 1m),
                ]), null);
            db.ChangeTracker.Clear();
            await QuotationIssuing.IssueAsync(db, clock, quotationIssuer, revision.Id, null);
            await ActAsAsync(SalesManager);
            await ChangeRequestRules.RecordReplacementAsync(db, clock, contract.Id, change.Id, new ChangeRequestRules.ReplacementInput(revision.Id));
            return plan;
        }

        /// <summary>T-009-002 with volume tiers and a set-up fee: issued, revised with a higher volume and re-issued (revision 1 superseded).</summary>
        private async Task ApiDealAsync(Deal deal)
        {
            await ActAsAsync(deal.OwnerId!);
            const string regulation = "EU MDR 2017/745, class IIa (medical device software, Rule 11)";
            ApiPlanInput Plan(decimal volume) => new("Osteon Vision AI — per report", "report", volume, 24, 15000m,
                [new TierInput(500m, 45m), new TierInput(2000m, 38m), new TierInput(null, 30m)]);
            var first = await QuotationRules.CreateAsync(db, clock, new QuotationRules.CreateInput(
                deal.Id, QuotationTemplates.Api, ValidUntil, Terms: "Billed monthly in arrears for signed reports; minimum term 24 months.",
                ReferenceRegulation: regulation, Api: Plan(600m)));
            await QuotationIssuing.IssueAsync(db, clock, quotationIssuer, first.Id, null);

            // the customer adds a second site; the issued revision stays frozen and revision 2 replaces it.
            var second = await QuotationRules.ReviseAsync(db, first.Id);
            second = await QuotationRules.UpdateAsync(db, clock, second.Id, new QuotationRules.UpdateInput(
                ValidUntil, second.Currency, second.Channel, "Billed monthly in arrears for signed reports across both sites; minimum term 24 months.",
                regulation, 0m, TemplateLines.Api(Plan(1400m), 0m)), null);
            await IssueAndAcceptAsync(deal, second.Id, "Accepted by email after the second site joined.");

            var contract = await ContractRules.CreateAsync(db, clock, new ContractRules.CreateInput(second.Id));
            await SignBothAsync(deal, contract);

            // CON-2 (a, c): not feasible; the customer keeps the service as contracted.
            var change = await ChangeAsync(deal, contract, "Deliver the AI reports as HL7 v2 ORU messages instead of DICOM structured reports.");
            await DecideAsync(contract, change, false, "HL7 v2 output is not in the validated release; adding it needs a design change and new verification.");
            await ActAsAsync(SalesManager);
            await ChangeRequestRules.RecordCustomerInformedAsync(db, clock, contract.Id, change.Id, new ChangeRequestRules.CustomerInformedInput(
                _today, "Told by phone and in writing; the customer keeps the DICOM SR export as contracted.", ChangeOutcomes.ServiceContinues));
        }

        /// <summary>T-009-004 fees per site, patient and read with fixed phases; signed, then cancelled through a change that is not feasible.</summary>
        private async Task TrialDealAsync(Deal deal)
        {
            await ActAsAsync(deal.OwnerId!);
            var quotation = await QuotationRules.CreateAsync(db, clock, new QuotationRules.CreateInput(
                deal.Id, QuotationTemplates.ClinicalTrial, ValidUntil, Terms: "Site and phase fees invoiced on activation; per-patient and per-read fees monthly.",
                ReferenceRegulation: "ICH E6(R3) Good Clinical Practice; EU MDR 2017/745 (reading software, class IIa)",
                ClinicalTrial: new ClinicalTrialInput(6, 240, 3, 8000m, 150m, 45m,
                    [new PhaseInput("Set-up and reader training", 12000m), new PhaseInput("Close-out and final report", 9000m)])));
            await IssueAndAcceptAsync(deal, quotation.Id, "Signed work order returned by the sponsor's clinical operations.");

            var contract = await ContractRules.CreateAsync(db, clock, new ContractRules.CreateInput(quotation.Id));
            await SignBothAsync(deal, contract);

            // CON-2 (a, c): not feasible, and the sponsor ends the contract paying the costs incurred so far.
            var change = await ChangeAsync(deal, contract, "Read the images with a second, unblinded reader at each site.");
            await DecideAsync(contract, change, false, "Unblinded site reads break the independent central-read design the software is validated for.");
            await ActAsAsync(SalesManager);
            await ChangeRequestRules.RecordCustomerInformedAsync(db, clock, contract.Id, change.Id, new ChangeRequestRules.CustomerInformedInput(
                _today, "Told at the steering committee; the sponsor chose to stop the central read.", ChangeOutcomes.ContractCancelled,
                _today, 12000m, "Set-up and reader training phase already delivered."));
        }

        /// <summary>A consumables quotation from the catalogue, accepted, with its contract still a draft.</summary>
        private async Task DraftContractAsync(Deal deal)
        {
            await ActAsAsync(deal.OwnerId!);
            var products = await db.Set<Product>().ToDictionaryAsync(p => p.Sku, p => p.Id);
            var quotation = await QuotationRules.CreateAsync(db, clock, new QuotationRules.CreateInput(
                deal.Id, QuotationTemplates.Equipment, ValidUntil, deal.Currency, PriceChannels.Direct, "Quarterly deliveries; prices held for 12 months.",
                Lines: [Product(products["OST-CEM-40"], 60m), Product(products["OST-SCR-45"], 40m)]));
            await IssueAndAcceptAsync(deal, quotation.Id, "Accepted on the call with purchasing.");
            await ContractRules.CreateAsync(db, clock, new ContractRules.CreateInput(quotation.Id));
        }

        /// <summary>IMP-1: leads, access, IFU, milestones and the usage review, signed by the Project Manager.</summary>
        private async Task FillPlanAsync(Deal deal, ImplementationPlan plan)
        {
            await ActAsAsync(ProjectManager);
            var lead = deal.Contacts[0].ContactId;
            plan = await ImplementationPlans.UpdateAsync(db, clock, plan.Id, new ImplementationPlans.PlanInput(
                Leads: [new ImplementationPlans.LeadInput(lead, "Clinical lead")],
                AccessGrantedOn: _today, AccessGrantedBy: "Hospital IT department", AccessGranted: "Theatre access badges and a PACS test account",
                TrainingDeliveredOn: _today, IfuDeliveredOn: _today, IfuReference: "IFU-OST-TK", IfuVersion: "4.2", IfuDeliveredTo: "Theatre coordinator",
                SuccessMetrics: "Theatre time per procedure, revision rate at 12 months",
                Milestones:
                [
                    new ImplementationPlans.MilestoneInput(null, "Instrument sets delivered", _today, _today),
                    new ImplementationPlans.MilestoneInput(null, "First surgeries with the Osteon team", _today.AddDays(30)),
                    new ImplementationPlans.MilestoneInput(null, "Surgeons operating independently", _today.AddDays(90)),
                ],
                UsageReviewOn: _today.AddMonths(6), UsageReviewPeriodMonths: 6), null);
            await ImplementationPlans.SignAsync(db, Signing(), plan.Id, Signature(SignatureMeanings.Signer));
        }

        /// <summary>IMP-2: an individual session delivering the plan (one attendee below the pass mark) and a webinar for two customers.</summary>
        private async Task TrainingsAsync(ImplementationPlan plan, Deal paid, Deal api, Deal trial)
        {
            var trainer = await ActAsAsync(ProjectManager);
            var settings = new TrainingSettings(TrainingSettings.DefaultPassMark);
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await Trainings.CreateAsync(db, settings, new Trainings.TrainingInput(
                TrainingKinds.Individual, "Osteon TK surgical technique", now.AddHours(-3), 180, trainer.Id,
                Notes: "Saw-bones workshop followed by a written assessment.", PlanIds: [plan.Id]));
            var people = await db.Set<ContactCompany>().Where(cc => cc.CompanyId == paid.CompanyId).OrderBy(cc => cc.ContactId).Select(cc => cc.ContactId).Take(2).ToListAsync();
            var scores = new[] { 92, 64 };
            for (var i = 0; i < people.Count; i++)
            {
                await Trainings.AddAttendeeAsync(db, session.Id, people[i]);
                await Trainings.AssessAsync(db, clock, session.Id, people[i], scores[i]);
            }

            var webinar = await Trainings.CreateAsync(db, settings, new Trainings.TrainingInput(
                TrainingKinds.Webinar, "Osteon Vision AI: reading and signing reports", now.AddDays(7), 60, trainer.Id, "Every first Tuesday of the month",
                CompanyIds: [api.CompanyId, trial.CompanyId]));
            foreach (var deal in new[] { api, trial })
            {
                await Trainings.AddAttendeeAsync(db, webinar.Id, deal.Contacts[0].ContactId);
            }
        }

        private async Task IssueAndAcceptAsync(Deal deal, Guid quotationId, string note)
        {
            // A stored file's audit entry is detached while saving but stays in EF's identity map (key Seq = 0), so a
            // second file in the same unit of work collides with it: each issue starts a fresh one, as a request would.
            db.ChangeTracker.Clear();
            await QuotationIssuing.IssueAsync(db, clock, quotationIssuer, quotationId, null);
            await AcceptAsync(deal, quotationId, note);
        }

        private Task<Quotation> AcceptAsync(Deal deal, Guid quotationId, string note) =>
            QuotationRules.AcceptAsync(db, clock, quotationId, new QuotationRules.DecisionInput(_today, deal.Contacts[0].ContactId, note));

        /// <summary>CON-1: the General Manager signs for the company; the owner records the customer's signed copy (the contract's PDF).</summary>
        private async Task SignBothAsync(Deal deal, Contract contract)
        {
            await ActAsAsync(GeneralManager);
            await ContractRules.SignAsync(db, clock, Signing(), contract.Id, Signature(SignatureMeanings.Signer));
            await ActAsAsync(deal.OwnerId!);
            contract = await ContractRules.GetAsync(db, contract.Id);
            var signatory = await db.Set<Contact>().SingleAsync(c => c.Id == deal.Contacts[0].ContactId);
            var copy = RecordPdf.Render(await ContractDocument.BuildAsync(db, contract, contractIssuer));
            await ContractRules.RecordCustomerSignatureAsync(db, clock, contract.Id, new ContractRules.CustomerSignatureInput(
                $"{signatory.FirstName} {signatory.LastName}", signatory.Id, _today, $"{contract.Number}-signed.pdf", "application/pdf", copy));
        }

        private async Task<ChangeRequest> ChangeAsync(Deal deal, Contract contract, string description)
        {
            await ActAsAsync(deal.OwnerId!);
            return await ChangeRequestRules.CreateAsync(db, clock, contract.Id, new ChangeRequestRules.CreateInput(description, deal.Contacts[0].ContactId, _today));
        }

        /// <summary>JD-003: the Design and Development Manager signs the feasibility decision.</summary>
        private async Task DecideAsync(Contract contract, ChangeRequest change, bool feasible, string rationale)
        {
            await ActAsAsync(DesignManager);
            await ChangeRequestRules.DecideFeasibilityAsync(db, Signing(), contract.Id, change.Id, new ChangeRequestRules.FeasibilityInput(
                feasible, rationale, password, null, SignatureMeanings.Approver));
        }

        private static LineInput Product(Guid productId, decimal quantity, string? option = null) =>
            new(null, quantity, null, null, ProductId: productId, OptionCode: option);

        private SignatureInput Signature(string meaning) => new(password, null, meaning);

        // Signing reads who signs from the scope's CurrentUser, the one ActAsAsync switches.
        private Signing Signing() => new(users, db.CurrentUser, clock);

        /// <summary>Acts as that demo user (by email or id) from now on, as their signed-in session would.</summary>
        private async Task<SanusUser> ActAsAsync(string emailOrId)
        {
            // Each turn starts a fresh unit of work, as the next person's request would (see IssueAndAcceptAsync).
            db.ChangeTracker.Clear();
            var user = await db.Users.SingleAsync(u => u.Email == emailOrId || u.Id == emailOrId);
            db.CurrentUser.UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!), new Claim(CurrentUser.DisplayNameClaim, user.DisplayName)], "demo")));
            return user;
        }
    }
}

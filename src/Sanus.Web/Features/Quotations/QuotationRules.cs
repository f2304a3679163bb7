using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Catalogue;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Quotations;

/// <summary>What users do with quotations (Q-2..Q-5, Q-3 approval, REC-3, REC-4, DL-4 Offer Sent / Offer Approved).</summary>
public static partial class QuotationRules
{
    public const string RecordKind = "Quotation";

    public sealed record CreateInput(
        Guid? DealId,
        string? Template,
        DateOnly? ValidUntil = null,
        string? Currency = null,
        string? Channel = null,
        string? Terms = null,
        string? ReferenceRegulation = null,
        decimal? OverallDiscountPercent = null,
        decimal? TaxRatePercent = null,
        IReadOnlyList<LineInput>? Lines = null,
        ApiPlanInput? Api = null,
        ClinicalTrialInput? ClinicalTrial = null);

    public sealed record UpdateInput(
        DateOnly? ValidUntil,
        string? Currency,
        string? Channel,
        string? Terms,
        string? ReferenceRegulation,
        decimal? OverallDiscountPercent,
        IReadOnlyList<LineInput>? Lines);

    /// <summary>The customer's answer to an issued revision.</summary>
    public sealed record DecisionInput(DateOnly? DecidedOn, Guid? ContactId, string? Note = null, EvidenceInput? Evidence = null);

    /// <summary>Optional proof of the customer's decision (a signed order, their email), as a file in base64.</summary>
    public sealed record EvidenceInput(string? FileName, string? ContentType, string? ContentBase64);

    public static async Task<Quotation> CreateAsync(SanusDb db, TimeProvider clock, CreateInput input)
    {
        if (input.DealId is not { } dealId)
        {
            throw ProblemException.Invalid("dealId", "Choose the deal the quotation is for.");
        }

        var deal = await DealRules.GetAsync(db, dealId);
        RefuseIfLost(deal);
        if (input.Template is null || !QuotationTemplates.All.Contains(input.Template))
        {
            throw ProblemException.Invalid("template", $"Choose a template: {string.Join(", ", QuotationTemplates.All)}.");
        }

        var tax = input.TaxRatePercent ?? 0m;
        var lines = input.Template switch
        {
            QuotationTemplates.Api when input.Api is not null => TemplateLines.Api(input.Api, tax),
            QuotationTemplates.ClinicalTrial when input.ClinicalTrial is not null => TemplateLines.ClinicalTrial(input.ClinicalTrial, tax),
            _ => [],
        };
        lines.AddRange(input.Lines ?? []);

        var quotation = new Quotation { DealId = deal.Id, Template = input.Template };
        await ApplyAsync(db, clock, quotation, new UpdateInput(
            input.ValidUntil, input.Currency ?? deal.Currency, input.Channel ?? PriceChannels.Direct, input.Terms, input.ReferenceRegulation, input.OverallDiscountPercent, lines));

        // REC-4: the number is taken first in the transaction that saves revision 1, so parallel creations queue
        // on the sequence row and a failed save gives the number back.
        await using var transaction = await db.Database.BeginTransactionAsync();
        quotation.Number = await RecordNumbers.NextAsync(db, RecordNumbers.Quotation, clock.GetUtcNow().UtcDateTime.Year);
        db.Add(quotation);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return quotation;
    }

    /// <summary>Changes a draft revision; an issued revision is frozen (Q-4) and is changed by revising it.</summary>
    public static async Task<Quotation> UpdateAsync(SanusDb db, TimeProvider clock, Guid id, UpdateInput input, int? expectedVersion)
    {
        var quotation = await GetAsync(db, id);
        Versioning.Check(quotation, expectedVersion, () => new { quotation.Id, quotation.Version, quotation.Status });
        RefuseUnlessDraft(quotation);
        RefuseIfLost(await DealRules.GetAsync(db, quotation.DealId));
        db.RemoveRange(quotation.Lines);
        quotation.Lines = [];
        await ApplyAsync(db, clock, quotation, input);

        // Lines live in their own table: the revision's version moves whenever its content does.
        db.Entry(quotation).Property(q => q.UpdatedAt).IsModified = true;
        await Versioning.SaveAsync(db, quotation, expectedVersion, q => new { q.Id, q.Version, q.Status });
        return quotation;
    }

    /// <summary>Q-3: the approver signs this revision's content; an edit afterwards no longer matches the signature.</summary>
    public static async Task<Quotation> ApproveAsync(SanusDb db, Signing signing, Guid id, SignatureInput signature)
    {
        var quotation = await GetAsync(db, id);
        RefuseUnlessDraft(quotation);
        var approval = await ApprovalAsync(db, quotation);
        if (!approval.Required)
        {
            throw ProblemException.Refused("This quotation needs no approval", [$"Its discount of {approval.DiscountPercent:0.##}% is within the limit of {approval.LimitPercent:0.##}%: the owner issues it directly."]);
        }

        if (approval.Approved)
        {
            throw ProblemException.Conflict("Already approved", $"Revision {quotation.Revision} of {quotation.Number} is already approved as it stands.", new Dictionary<string, object?>());
        }

        await signing.SignAsync(db, SignedVersion(quotation), signature, SignatureMeanings.Approver);
        quotation.Status = QuotationStatus.Approved;
        await db.SaveChangesAsync();
        return quotation;
    }

    /// <summary>
    /// Q-4: freezes the revision, keeps its PDF, supersedes the previous revision (Q-5) and moves the deal to Offer
    /// Sent (DL-4). <paramref name="render"/> draws the document of the revision as issued and returns the stored file's id.
    /// </summary>
    public static async Task<Quotation> IssueAsync(SanusDb db, TimeProvider clock, Guid id, int? expectedVersion, Func<SanusDb, Quotation, Task<Guid?>>? render = null)
    {
        var quotation = await GetAsync(db, id);
        Versioning.Check(quotation, expectedVersion, () => new { quotation.Id, quotation.Version, quotation.Status });
        RefuseUnlessDraft(quotation);
        RefuseIfLost(await DealRules.GetAsync(db, quotation.DealId));
        var missing = new List<string>();
        if (quotation.Lines.Count == 0)
        {
            missing.Add("Add at least one line.");
        }

        if (quotation.ValidUntil <= Today(clock))
        {
            missing.Add($"The validity date {quotation.ValidUntil:yyyy-MM-dd} has passed: choose a date after today.");
        }

        if (string.IsNullOrWhiteSpace(quotation.ReferenceRegulation))
        {
            missing.Add("State the reference regulation printed on the document.");
        }

        var approval = await ApprovalAsync(db, quotation);
        if (approval.Required && !approval.Approved)
        {
            missing.Add($"The discount of {approval.DiscountPercent:0.##}% is above the limit of {approval.LimitPercent:0.##}%: the Sales Manager's approval (signature) of this revision is needed.");
        }

        if (missing.Count > 0)
        {
            throw ProblemException.Refused($"Revision {quotation.Revision} of {quotation.Number} can't be issued yet", missing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        quotation.Status = QuotationStatus.Issued;
        quotation.IssuedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var older in await db.Set<Quotation>().Where(q => q.Number == quotation.Number && q.Revision < quotation.Revision && q.Status == QuotationStatus.Issued).ToListAsync())
        {
            older.Status = QuotationStatus.Superseded;
        }

        if (render is not null)
        {
            quotation.DocumentFileId = await render(db, quotation);
        }

        await Versioning.SaveAsync(db, quotation, expectedVersion, q => new { q.Id, q.Version, q.Status });
        await DealRules.AdvanceAsync(db, clock, quotation.DealId, DealStages.OfferSent);
        await transaction.CommitAsync();
        return quotation;
    }

    /// <summary>Q-5: a change to an issued revision starts the next revision, a draft copy under the same number.</summary>
    public static async Task<Quotation> ReviseAsync(SanusDb db, Guid id)
    {
        var quotation = await GetAsync(db, id);
        RefuseIfLost(await DealRules.GetAsync(db, quotation.DealId));
        if (quotation.Status is not (QuotationStatus.Issued or QuotationStatus.Rejected))
        {
            throw quotation.IsDraft
                ? ProblemException.Refused("A draft is changed directly", [$"Revision {quotation.Revision} is not issued yet: edit it instead of revising it."])
                : ProblemException.Refused($"Revision {quotation.Revision} can't be revised", [$"It is {quotation.Status.ToLowerInvariant()}: only the current issued or rejected revision is revised."]);
        }

        var newer = await db.Set<Quotation>().Where(q => q.Number == quotation.Number && q.Revision > quotation.Revision).OrderByDescending(q => q.Revision).FirstOrDefaultAsync();
        if (newer is not null)
        {
            throw ProblemException.Conflict("A newer revision exists", $"Revision {newer.Revision} of {quotation.Number} already exists ({newer.Status.ToLowerInvariant()}): work on it instead.",
                new Dictionary<string, object?> { ["revisionId"] = newer.Id });
        }

        var next = new Quotation
        {
            DealId = quotation.DealId,
            Number = quotation.Number,
            Revision = quotation.Revision + 1,
            Template = quotation.Template,
            Currency = quotation.Currency,
            Channel = quotation.Channel,
            OverallDiscountPercent = quotation.OverallDiscountPercent,
            ValidUntil = quotation.ValidUntil,
            Terms = quotation.Terms,
            ReferenceRegulation = quotation.ReferenceRegulation,
            TotalMinor = quotation.TotalMinor,
            Lines = [.. quotation.Lines.OrderBy(l => l.Position).Select(l => new QuotationLine
            {
                Position = l.Position, Description = l.Description, Quantity = l.Quantity, Unit = l.Unit, UnitPriceHundredthCents = l.UnitPriceHundredthCents,
                DiscountPercent = l.DiscountPercent, TaxRatePercent = l.TaxRatePercent, ProductId = l.ProductId, OptionCode = l.OptionCode, Sku = l.Sku,
                ReferenceRegulation = l.ReferenceRegulation,
            })],
        };
        next.Status = (await ApprovalAsync(db, next)).Required ? QuotationStatus.AwaitingApproval : QuotationStatus.Draft;
        db.Add(next);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            throw ProblemException.Conflict("A newer revision exists", $"Someone revised {quotation.Number} at the same moment: reload to see their revision.", new Dictionary<string, object?>());
        }

        return next;
    }

    /// <summary>Q-5, DL-4: the customer accepted this issued, valid revision; the deal moves to Offer Approved.</summary>
    public static async Task<Quotation> AcceptAsync(SanusDb db, TimeProvider clock, Guid id, DecisionInput input)
    {
        var quotation = await GetAsync(db, id);
        var deal = await DealRules.GetAsync(db, quotation.DealId);
        RefuseIfLost(deal);
        await CheckDecisionAsync(db, clock, quotation, deal, input);
        if (quotation.ValidUntil < Today(clock))
        {
            throw ProblemException.Refused("An expired quotation can't be accepted", [$"Revision {quotation.Revision} was valid until {quotation.ValidUntil:yyyy-MM-dd}: revise it with a new validity date and issue it again."]);
        }

        var accepted = await db.Set<Quotation>().IgnoreQueryFilters()
            .Where(q => q.DealId == quotation.DealId && q.Status == QuotationStatus.Accepted && q.ArchivedAt == null).Select(q => new { q.Number, q.Revision }).FirstOrDefaultAsync();
        if (accepted is not null)
        {
            throw ProblemException.Conflict("The deal already has an accepted quotation", $"{accepted.Number} revision {accepted.Revision} was accepted: only one quotation per deal is accepted.", new Dictionary<string, object?>());
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        quotation.Status = QuotationStatus.Accepted;
        quotation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await RecordAsync(db, clock, quotation, input);
        await db.SaveChangesAsync();
        await DealRules.AdvanceAsync(db, clock, quotation.DealId, DealStages.OfferApproved);
        await transaction.CommitAsync();
        return quotation;
    }

    public static async Task<Quotation> RejectAsync(SanusDb db, TimeProvider clock, Guid id, DecisionInput input)
    {
        var quotation = await GetAsync(db, id);
        var deal = await DealRules.GetAsync(db, quotation.DealId);
        await CheckDecisionAsync(db, clock, quotation, deal, input);
        quotation.Status = QuotationStatus.Rejected;
        quotation.RejectedAt = clock.GetUtcNow().UtcDateTime;
        await RecordAsync(db, clock, quotation, input);
        await db.SaveChangesAsync();
        return quotation;
    }

    public static async Task<Quotation> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Quotation>().Include(q => q.Lines).SingleOrDefaultAsync(q => q.Id == id && q.ArchivedAt == null) ?? throw ProblemException.NotFound("quotation");

    /// <summary>Every revision of every quotation of a deal, newest number and revision first.</summary>
    public static async Task<List<Quotation>> ForDealAsync(SanusDb db, Guid dealId)
    {
        await DealRules.GetAsync(db, dealId);
        return await db.Set<Quotation>().AsNoTracking().Where(q => q.DealId == dealId && q.ArchivedAt == null)
            .OrderByDescending(q => q.Number).ThenByDescending(q => q.Revision).ToListAsync();
    }

    /// <summary>The revisions sharing this quotation's number.</summary>
    public static Task<List<Quotation>> RevisionsAsync(SanusDb db, Quotation quotation) =>
        db.Set<Quotation>().AsNoTracking().Where(q => q.Number == quotation.Number && q.ArchivedAt == null).OrderBy(q => q.Revision).ToListAsync();

    /// <summary>The record a signature of this revision is bound to.</summary>
    public static SignedRecord SignedVersion(Quotation quotation) => new(RecordKind, quotation.Id, quotation.Revision, QuotationContent.Of(quotation));

    /// <summary>Q-3: whether this revision needs an approval and whether a signature of its current content gives it.</summary>
    public static async Task<ApprovalState> ApprovalAsync(SanusDb db, Quotation quotation)
    {
        var limit = await QuotationSettingsRules.DiscountLimitAsync(db);
        var discount = QuotationTotals.Of(quotation).DiscountPercent;
        var required = discount > limit;
        var content = QuotationContent.Of(quotation);
        var approved = required && (await db.Set<Signature>().AsNoTracking()
            .Where(s => s.RecordKind == RecordKind && s.RecordId == quotation.Id && s.RecordRevision == quotation.Revision && s.Meaning == SignatureMeanings.Approver)
            .ToListAsync()).Any(s => s.Matches(content));
        return new ApprovalState(required, approved, discount, limit);
    }

    private static async Task ApplyAsync(SanusDb db, TimeProvider clock, Quotation quotation, UpdateInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var today = Today(clock);
        if (input.ValidUntil is not { } validUntil)
        {
            errors["validUntil"] = ["Choose the date until which the offer is valid."];
        }
        else if (validUntil <= today)
        {
            errors["validUntil"] = ["The validity date must be after today."];
        }

        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        if (!CurrencyCode().IsMatch(currency))
        {
            errors["currency"] = ["Give the ISO 4217 currency code, e.g. EUR."];
        }

        var channel = input.Channel?.Trim().ToLowerInvariant() ?? PriceChannels.Direct;
        if (!PriceChannels.All.Contains(channel))
        {
            errors["channel"] = [$"Choose a channel: {string.Join(", ", PriceChannels.All)}."];
        }

        if (input.OverallDiscountPercent is < 0 or > 100)
        {
            errors["overallDiscountPercent"] = ["A discount is between 0 and 100%."];
        }

        if ((input.Terms?.Length ?? 0) > 8000)
        {
            errors["terms"] = ["Keep the terms under 8,000 characters."];
        }

        var inputs = input.Lines ?? [];
        var lines = new List<QuotationLine>();
        for (var i = 0; i < inputs.Count; i++)
        {
            lines.Add(await LineAsync(db, quotation.Template, channel, currency, today, inputs[i], $"lines[{i}]", errors));
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        quotation.ValidUntil = input.ValidUntil!.Value;
        quotation.Currency = currency;
        quotation.Channel = channel;
        quotation.Terms = input.Terms?.Trim() ?? "";
        quotation.OverallDiscountPercent = input.OverallDiscountPercent ?? 0m;
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].Position = i + 1;
            lines[i].QuotationId = quotation.Id;
        }

        quotation.Lines = lines;
        foreach (var line in lines)
        {
            db.Add(line);
        }

        // Catalogue quotations print the regulations of their products; API and clinical ones have it typed.
        var fromProducts = lines.Select(l => l.ReferenceRegulation).OfType<string>().Where(r => r.Length > 0).Distinct().ToList();
        quotation.ReferenceRegulation = quotation.Template == QuotationTemplates.Equipment && fromProducts.Count > 0
            ? string.Join("; ", fromProducts)
            : string.IsNullOrWhiteSpace(input.ReferenceRegulation) ? null : input.ReferenceRegulation.Trim();
        quotation.TotalMinor = QuotationTotals.Minor(QuotationTotals.Of(quotation).GrandTotal);
        var approval = await ApprovalAsync(db, quotation);
        quotation.Status = !approval.Required ? QuotationStatus.Draft : approval.Approved ? QuotationStatus.Approved : QuotationStatus.AwaitingApproval;
    }

    private static async Task<QuotationLine> LineAsync(SanusDb db, string template, string channel, string currency, DateOnly today, LineInput input, string field, Dictionary<string, string[]> errors)
    {
        var line = new QuotationLine
        {
            Description = input.Description?.Trim() ?? "",
            Quantity = input.Quantity ?? 0m,
            Unit = input.Unit?.Trim() ?? "",
            DiscountPercent = input.DiscountPercent ?? 0m,
            TaxRatePercent = input.TaxRatePercent ?? 0m,
        };
        if (input.Quantity is not > 0)
        {
            errors[$"{field}.quantity"] = ["Enter a quantity above zero."];
        }

        if (input.DiscountPercent is < 0 or > 100)
        {
            errors[$"{field}.discountPercent"] = ["A discount is between 0 and 100%."];
        }

        if (input.TaxRatePercent is < 0 or > 100)
        {
            errors[$"{field}.taxRatePercent"] = ["A tax rate is between 0 and 100%."];
        }

        if (template == QuotationTemplates.Equipment)
        {
            // Q-2: equipment lines are priced by the catalogue; a typed unit price is ignored.
            if (input.ProductId is not { } productId)
            {
                errors[$"{field}.productId"] = ["Choose a product from the catalogue."];
                return line;
            }

            if (input.Quantity is not > 0 || !CurrencyCode().IsMatch(currency) || !PriceChannels.All.Contains(channel))
            {
                return line;
            }

            try
            {
                var price = await CataloguePricing.PriceAsync(db, new PriceRequest(productId, input.OptionCode, channel, currency, input.Quantity.Value, today));
                line.ProductId = price.Product.Id;
                line.OptionCode = price.Option?.Code;
                line.Sku = price.Product.Sku;
                line.Unit = price.Product.Unit;
                line.ReferenceRegulation = price.Product.ReferenceRegulation;
                line.UnitPrice = price.UnitPrice;
                if (line.Description.Length == 0)
                {
                    line.Description = price.Option is null ? price.Product.Name : $"{price.Product.Name}, {price.Option.Name}";
                }
            }
            catch (ProblemException problem) when (problem.Errors.Count > 0)
            {
                foreach (var (key, messages) in problem.Errors)
                {
                    errors[$"{field}.{key}"] = messages;
                }
            }
            catch (ProblemException problem)
            {
                errors[$"{field}.productId"] = [problem.Detail ?? problem.Title];
            }

            return line;
        }

        if (line.Description.Length == 0)
        {
            errors[$"{field}.description"] = ["Describe the line."];
        }

        if (line.Unit.Length == 0)
        {
            errors[$"{field}.unit"] = ["Give the unit, e.g. report, patient, site, month."];
        }

        if (input.UnitPrice is not >= 0)
        {
            errors[$"{field}.unitPrice"] = ["Enter a unit price of zero or more."];
        }
        else if (decimal.Round(input.UnitPrice.Value, 4) != input.UnitPrice.Value)
        {
            errors[$"{field}.unitPrice"] = ["Unit prices have at most 4 decimals."];
        }
        else
        {
            line.UnitPrice = input.UnitPrice.Value;
        }

        return line;
    }

    private static async Task CheckDecisionAsync(SanusDb db, TimeProvider clock, Quotation quotation, Deal deal, DecisionInput input)
    {
        switch (quotation.Status)
        {
            case QuotationStatus.Issued:
                break;
            case QuotationStatus.Superseded:
                var current = await db.Set<Quotation>().Where(q => q.Number == quotation.Number).MaxAsync(q => q.Revision);
                throw ProblemException.Refused("A superseded revision can't be answered", [$"Revision {quotation.Revision} was superseded by revision {current} of {quotation.Number}."]);
            case QuotationStatus.Accepted or QuotationStatus.Rejected:
                throw ProblemException.Conflict("Already answered", $"The customer already {quotation.Status.ToLowerInvariant()} revision {quotation.Revision}.", new Dictionary<string, object?>());
            default:
                throw ProblemException.Refused("Only an issued quotation can be answered", [$"Revision {quotation.Revision} is {quotation.Status.ToLowerInvariant()}: issue it first."]);
        }

        var errors = new Dictionary<string, string[]>();
        if (input.DecidedOn is not { } on)
        {
            errors["decidedOn"] = ["Give the day the customer decided."];
        }
        else if (on > Today(clock))
        {
            errors["decidedOn"] = ["The decision date can't be in the future."];
        }
        else if (quotation.IssuedAt is { } issued && on < DateOnly.FromDateTime(issued))
        {
            errors["decidedOn"] = ["The customer can't have decided before the quotation was issued."];
        }

        var contactIds = deal.Contacts.Select(c => c.ContactId).ToList();
        if (input.ContactId is not { } contactId)
        {
            errors["contactId"] = ["Choose the customer's contact who decided."];
        }
        else if (!contactIds.Contains(contactId) && !await db.Set<ContactCompany>().AnyAsync(cc => cc.ContactId == contactId && cc.CompanyId == deal.CompanyId))
        {
            errors["contactId"] = ["Choose one of the deal's or the customer's contacts."];
        }

        if ((input.Note?.Length ?? 0) > 2000)
        {
            errors["note"] = ["Keep the note under 2,000 characters."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }

    private static async Task RecordAsync(SanusDb db, TimeProvider clock, Quotation quotation, DecisionInput input)
    {
        if (input.Evidence is { ContentBase64: { Length: > 0 } base64 } evidence)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw ProblemException.Invalid("evidence.contentBase64", "Send the evidence file's content in base64.");
            }

            var file = await FileStore.SaveAsync(db, evidence.FileName ?? "evidence", evidence.ContentType ?? "application/octet-stream", bytes, db.CurrentUser.Id, clock);
            quotation.DecisionEvidenceFileId = file.Id;
        }

        quotation.DecidedOn = input.DecidedOn;
        quotation.DecidedByContactId = input.ContactId;
        quotation.DecisionNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    private static void RefuseUnlessDraft(Quotation quotation)
    {
        if (!quotation.IsDraft)
        {
            throw ProblemException.Conflict($"Revision {quotation.Revision} of {quotation.Number} is frozen",
                $"It is {quotation.Status.ToLowerInvariant()}{(quotation.IssuedAt is { } at ? $" (issued {at:yyyy-MM-dd})" : "")}: an issued revision is never changed. Revise it to make a new revision.",
                new Dictionary<string, object?> { ["status"] = quotation.Status });
        }
    }

    private static void RefuseIfLost(Deal deal)
    {
        if (deal.IsLost)
        {
            throw ProblemException.Refused("The deal is lost", ["A lost deal's quotations can't be changed: start a new deal from it."]);
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

/// <summary>Q-3 as pages and the API show it.</summary>
public sealed record ApprovalState(bool Required, bool Approved, decimal DiscountPercent, decimal LimitPercent);

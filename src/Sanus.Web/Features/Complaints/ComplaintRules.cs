using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Complaints;

/// <summary>AE-1 intake: what a complaint needs before the Quality Manager can review it.</summary>
public static class ComplaintRules
{
    public sealed record ComplaintInput(
        string? Device,
        DateTime? AwareAt,
        string? Description,
        string? PatientHarmed,
        string? Udi = null,
        string? Lot = null,
        string? SerialNumber = null,
        Guid? SiteId = null,
        Guid? ReporterContactId = null,
        string? ReporterName = null);

    public sealed record ComplaintView(
        Guid Id, int Version, string Status, Guid CompanyId, string? CompanyName, Guid? SiteId, string? SiteName, Guid? InquiryId, Guid? DealId,
        string Device, string? Udi, string? Lot, string? SerialNumber, DateTime AwareAt, string Description,
        Guid? ReporterContactId, string? ReporterName, string PatientHarmed, DateTime CreatedAt);

    /// <summary>
    /// Validates the intake for <paramref name="companyId"/> and returns the complaint (not yet added), or null with the
    /// problems added to <paramref name="errors"/> under <paramref name="prefix"/> + the camelCase field name.
    /// </summary>
    public static async Task<Complaint?> BuildAsync(
        SanusDb db, TimeProvider clock, Guid companyId, ComplaintInput? input, string prefix, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors[prefix.TrimEnd('.')] = ["Describe the complaint: device, time of awareness, what happened and whether a patient was harmed."];
            return null;
        }

        var count = errors.Count;
        var device = Clean(input.Device);
        if (device is null || device.Length > 200)
        {
            errors[prefix + "device"] = ["Name the product or model the complaint is about (at most 200 characters)."];
        }

        if (input.AwareAt is not { } awareAt)
        {
            errors[prefix + "awareAt"] = ["Enter when we became aware of it: the reporting clocks start then."];
        }
        else if (ToUtc(awareAt) > clock.GetUtcNow().UtcDateTime)
        {
            errors[prefix + "awareAt"] = ["The time of awareness can't be in the future."];
        }

        var description = Clean(input.Description);
        if (description is null || description.Length > 4000)
        {
            errors[prefix + "description"] = ["Describe what happened (at most 4000 characters)."];
        }

        if (input.PatientHarmed is null || PatientHarm.All.All(h => h.Value != input.PatientHarmed))
        {
            errors[prefix + "patientHarmed"] = ["Say whether a patient was harmed: yes, no or unknown."];
        }

        if (input.SiteId is { } siteId && !await db.Set<Site>().AnyAsync(s => s.Id == siteId && s.CompanyId == companyId && s.ArchivedAt == null))
        {
            errors[prefix + "siteId"] = ["Choose a site of the customer, or leave it empty."];
        }

        var reporterName = Clean(input.ReporterName);
        if (input.ReporterContactId is { } contactId && !await db.Set<Contact>().AnyAsync(c => c.Id == contactId))
        {
            errors[prefix + "reporterContactId"] = ["The reporter doesn't exist or you may not see them."];
        }
        else if (input.ReporterContactId is null && reporterName is null)
        {
            errors[prefix + "reporterName"] = ["Say who reported it: a contact, or their name."];
        }

        foreach (var (field, value, max) in new[] { ("udi", input.Udi, 200), ("lot", input.Lot, 100), ("serialNumber", input.SerialNumber, 100), ("reporterName", input.ReporterName, 200) })
        {
            if (value?.Trim().Length > max)
            {
                errors[prefix + field] = [$"At most {max} characters."];
            }
        }

        if (errors.Count > count)
        {
            return null;
        }

        return new Complaint
        {
            CompanyId = companyId,
            SiteId = input.SiteId,
            Device = device!,
            Udi = Clean(input.Udi),
            Lot = Clean(input.Lot),
            SerialNumber = Clean(input.SerialNumber),
            AwareAt = ToUtc(input.AwareAt!.Value),
            Description = description!,
            ReporterContactId = input.ReporterContactId,
            ReporterName = reporterName,
            PatientHarmed = input.PatientHarmed!,
        };
    }

    public static async Task<Complaint> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id) ?? throw ProblemException.NotFound("complaint");

    public static async Task<ComplaintView> ViewAsync(SanusDb db, Guid id)
    {
        var c = await GetAsync(db, id);
        var company = await db.Set<Company>().Where(x => x.Id == c.CompanyId).Select(x => x.Name).SingleOrDefaultAsync();
        var site = c.SiteId is { } siteId ? await db.Set<Site>().Where(s => s.Id == siteId).Select(s => s.Name).SingleOrDefaultAsync() : null;
        return Of(c, company, site);
    }

    public static ComplaintView Of(Complaint c, string? companyName, string? siteName) => new(
        c.Id, c.Version, c.Status, c.CompanyId, companyName, c.SiteId, siteName, c.InquiryId, c.DealId, c.Device, c.Udi, c.Lot, c.SerialNumber,
        c.AwareAt, c.Description, c.ReporterContactId, c.ReporterName, c.PatientHarmed, c.CreatedAt);

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

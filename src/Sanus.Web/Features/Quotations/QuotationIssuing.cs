using Sanus.Web.Data;

namespace Sanus.Web.Features.Quotations;

/// <summary>Q-4: issuing with the document, for the API and the page alike.</summary>
public static class QuotationIssuing
{
    public static Task<Quotation> IssueAsync(SanusDb db, TimeProvider clock, Guid id, int? expectedVersion) =>
        QuotationRules.IssueAsync(db, clock, id, expectedVersion);
}

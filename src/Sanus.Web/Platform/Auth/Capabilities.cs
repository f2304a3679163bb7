namespace Sanus.Web.Platform.Auth;

/// <summary>
/// The capabilities the code checks (ACC-2). Each one is an authorization policy of the same name; which
/// roles hold it is data (<see cref="RoleCapability"/>), managed on the Roles admin page.
/// </summary>
public static class Capabilities
{
    public const string UsersManage = "users.manage";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string CompaniesEdit = "companies.edit";
    public const string ContactsEdit = "contacts.edit";
    public const string DealsEdit = "deals.edit";
    public const string ActivitiesLog = "activities.log";
    public const string DataImport = "data.import";
    public const string DataExport = "data.export";
    public const string RecordsMerge = "records.merge";
    public const string QuotesApprove = "quotes.approve";
    public const string PricingManage = "pricing.manage";
    public const string ContractsSign = "contracts.sign";
    public const string ChangesConfirmFeasibility = "changes.confirm-feasibility";
    public const string NonconformitiesClose = "nonconformities.close";
    public const string ComplaintsManage = "complaints.manage";
    public const string InquiriesTriage = "inquiries.triage";
    public const string InquiriesAnswerEscalated = "inquiries.answer-escalated";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [UsersManage] = "Manage users, roles and capability grants",
        [AuditRead] = "Read the audit trail of any record and verify its chain",
        [AuditExport] = "Export the audit trail as CSV",
        [CompaniesEdit] = "Create, edit, archive and restore companies and sites",
        [ContactsEdit] = "Create, edit, archive and restore contacts",
        [DealsEdit] = "Create and edit deals, move them through the pipeline",
        [ActivitiesLog] = "Log activities, send meeting invites and manage tasks on the records one may see",
        [DataImport] = "Import companies, contacts and deals from files",
        [DataExport] = "Export list views to CSV or XLSX",
        [RecordsMerge] = "Merge duplicate companies and contacts",
        [QuotesApprove] = "Approve quotations above the discount limit (signature)",
        [PricingManage] = "Set price lists and the discount limit",
        [ContractsSign] = "Sign contracts on behalf of the company (signature)",
        [ChangesConfirmFeasibility] = "Confirm whether a change request is feasible (signature)",
        [NonconformitiesClose] = "Close non-conformity reports (signature)",
        [ComplaintsManage] = "Own complaints and adverse events",
        [InquiriesTriage] = "Triage post-sales inquiries",
        [InquiriesAnswerEscalated] = "Answer escalated technical questions",
    };
}

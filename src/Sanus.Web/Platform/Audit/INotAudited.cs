namespace Sanus.Web.Platform.Audit;

/// <summary>
/// Working state of the system itself (an import job's progress, its uploaded file), not a business record: the audit
/// trail records what the work did to business records, not each tick of its progress.
/// </summary>
public interface INotAudited;

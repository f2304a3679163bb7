namespace Sanus.Web.Platform.Records;

/// <summary>
/// Data that a channel partner may see only when it is theirs (ACC-3). The entity says which distributor
/// company a row belongs to; <see cref="Data.SanusDb"/> filters every query of such an entity by the
/// signed-in partner's company, so an out-of-scope row is simply not found.
/// </summary>
public interface IPartnerScoped
{
    Guid? PartnerCompanyId { get; }
}

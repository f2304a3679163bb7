using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Lookups;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Companies;

/// <summary>Typed links between companies (CO-3) and the graph the company page draws.</summary>
public static class RelationshipRules
{
    public sealed record RelationshipInput(Guid? ToCompanyId, string? Type);

    public sealed record RelationshipView(Guid Id, Guid FromCompanyId, string FromName, string Type, string TypeLabel, Guid ToCompanyId, string ToName);

    public sealed record GraphNode(Guid Id, string Name, string Kind, bool IsCenter);

    public sealed record Graph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<RelationshipView> Edges);

    public static async Task<CompanyRelationship> AddAsync(SanusDb db, Guid fromCompanyId, RelationshipInput input)
    {
        await CompanyRules.GetAsync(db, fromCompanyId);
        var errors = new Dictionary<string, string[]>();
        var type = input.Type?.Trim() ?? "";
        await Lookups.RequireAsync(db, LookupLists.RelationshipType, type, "type", "the relationship type", errors);

        if (input.ToCompanyId is not { } to || !await db.Set<Company>().AnyAsync(c => c.Id == to))
        {
            errors["toCompanyId"] = ["Choose the company at the other end of the relationship."];
        }
        else if (to == fromCompanyId)
        {
            errors["toCompanyId"] = ["A company can't be related to itself."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var existing = await db.Set<CompanyRelationship>().SingleOrDefaultAsync(r => r.FromCompanyId == fromCompanyId && r.ToCompanyId == input.ToCompanyId && r.Type == type);
        if (existing is not null)
        {
            existing.ArchivedAt = null;
            await db.SaveChangesAsync();
            return existing;
        }

        var link = new CompanyRelationship { FromCompanyId = fromCompanyId, ToCompanyId = input.ToCompanyId!.Value, Type = type };
        db.Add(link);
        await db.SaveChangesAsync();
        return link;
    }

    public static async Task RemoveAsync(SanusDb db, TimeProvider clock, Guid companyId, Guid relationshipId)
    {
        var link = await db.Set<CompanyRelationship>().SingleOrDefaultAsync(r => r.Id == relationshipId && (r.FromCompanyId == companyId || r.ToCompanyId == companyId) && r.ArchivedAt == null)
            ?? throw ProblemException.NotFound("relationship");
        link.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    /// <summary>The company, its direct relationships in both directions, and the companies at their other ends.</summary>
    public static async Task<Graph> GraphAsync(SanusDb db, Guid companyId)
    {
        var center = await CompanyRules.GetAsync(db, companyId);
        var links = await db.Set<CompanyRelationship>().AsNoTracking()
            .Where(r => r.ArchivedAt == null && (r.FromCompanyId == companyId || r.ToCompanyId == companyId))
            .ToListAsync();
        var ids = links.SelectMany(l => new[] { l.FromCompanyId, l.ToCompanyId }).Append(companyId).Distinct().ToList();
        var companies = await db.Set<Company>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var labels = await db.Set<Lookup>().AsNoTracking().Where(l => l.List == LookupLists.RelationshipType).ToDictionaryAsync(l => l.Value, l => l.Label);
        var edges = links
            .Where(l => companies.ContainsKey(l.FromCompanyId) && companies.ContainsKey(l.ToCompanyId))
            .Select(l => new RelationshipView(l.Id, l.FromCompanyId, companies[l.FromCompanyId].Name, l.Type, labels.GetValueOrDefault(l.Type, l.Type), l.ToCompanyId, companies[l.ToCompanyId].Name))
            .OrderBy(e => e.TypeLabel).ThenBy(e => e.FromName).ThenBy(e => e.ToName)
            .ToList();
        var nodes = companies.Values.OrderBy(c => c.Id != center.Id).ThenBy(c => c.Name)
            .Select(c => new GraphNode(c.Id, c.Name, c.Kind, c.Id == center.Id)).ToList();
        return new Graph(nodes, edges);
    }
}

using System.Globalization;

namespace Sanus.Web.Features.Companies.Pages;

/// <summary>
/// Where the relationship graph (CO-3) draws things: the company in the centre, the related companies evenly on an
/// ellipse around it, one curved arrow per relationship. Pure geometry so the component only renders.
/// </summary>
public static class RelationshipGraphLayout
{
    public const double Width = 720;
    private const double Height = 440;
    public const double BoxWidth = 180;
    public const double BoxHeight = 36;
    private const double CenterX = Width / 2;
    private const double CenterY = Height / 2;
    private const double RadiusX = 250;
    private const double RadiusY = 165;
    private const double Spread = 70;
    private const int MaxNameLength = 20;

    public sealed record Node(Guid Id, string Name, string ShortName, double X, double Y, bool IsCenter);

    /// <summary>A curved arrow from one box edge to another, its label at the middle of the curve (Anchor: SVG text-anchor).</summary>
    public sealed record Edge(Guid Id, string Path, double LabelX, double LabelY, string Anchor, string Label, string Description);

    /// <summary>ViewBox: only the band the nodes use, so a graph with few companies leaves no empty space.</summary>
    public sealed record Layout(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, string ViewBox);

    public static Layout Of(RelationshipRules.Graph graph)
    {
        var others = graph.Nodes.Where(n => !n.IsCenter).ToList();
        var nodes = new List<Node>();
        foreach (var center in graph.Nodes.Where(n => n.IsCenter))
        {
            nodes.Add(new Node(center.Id, center.Name, Shorten(center.Name), CenterX, CenterY, true));
        }

        for (var i = 0; i < others.Count; i++)
        {
            // Start at the top and go clockwise: the first related company sits above the centre.
            var angle = -Math.PI / 2 + (2 * Math.PI * i / others.Count);
            nodes.Add(new Node(others[i].Id, others[i].Name, Shorten(others[i].Name), CenterX + (RadiusX * Math.Cos(angle)), CenterY + (RadiusY * Math.Sin(angle)), false));
        }

        var at = nodes.ToDictionary(n => n.Id);
        var edges = new List<Edge>();
        // Several relationships between the same two companies (either direction) bend apart so none hides another.
        foreach (var pair in graph.Edges.Where(e => at.ContainsKey(e.FromCompanyId) && at.ContainsKey(e.ToCompanyId))
                     .GroupBy(e => e.FromCompanyId.CompareTo(e.ToCompanyId) < 0 ? (e.FromCompanyId, e.ToCompanyId) : (e.ToCompanyId, e.FromCompanyId)))
        {
            var list = pair.ToList();
            var (a, b) = (at[pair.Key.Item1], at[pair.Key.Item2]);
            for (var k = 0; k < list.Count; k++)
            {
                var offset = (k - ((list.Count - 1) / 2.0)) * Spread;
                edges.Add(Curve(list[k], at[list[k].FromCompanyId], at[list[k].ToCompanyId], a, b, offset));
            }
        }

        var top = nodes.Count == 0 ? 0 : nodes.Min(n => n.Y) - BoxHeight;
        var bottom = nodes.Count == 0 ? Height : nodes.Max(n => n.Y) + BoxHeight;
        return new Layout(nodes, edges, $"0 {F(top)} {F(Width)} {F(bottom - top)}");
    }

    private static Edge Curve(RelationshipRules.RelationshipView view, Node from, Node to, Node a, Node b, double offset)
    {
        // The bend is measured against the pair's fixed order (a to b), so opposite directions bend to opposite sides.
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
        var (nx, ny) = (-dy / length, dx / length);
        var (cx, cy) = (((from.X + to.X) / 2) + (nx * offset), ((from.Y + to.Y) / 2) + (ny * offset));
        var (sx, sy) = BoxEdge(from, cx, cy);
        var (ex, ey) = BoxEdge(to, cx, cy);
        var labelX = (0.25 * sx) + (0.5 * cx) + (0.25 * ex);
        var labelY = (0.25 * sy) + (0.5 * cy) + (0.25 * ey);
        var path = $"M {F(sx)} {F(sy)} Q {F(cx)} {F(cy)} {F(ex)} {F(ey)}";

        // A bent arrow whose bulge points sideways gets its label beside the bulge, so labels of arrows bent apart don't overlap.
        var (bulgeX, bulgeY) = (nx * offset, ny * offset);
        var anchor = Math.Abs(bulgeX) <= Math.Abs(bulgeY) ? "middle" : bulgeX < 0 ? "end" : "start";
        labelX += anchor switch { "end" => -4, "start" => 4, _ => 0 };
        return new Edge(view.Id, path, labelX, labelY, anchor, view.TypeLabel, $"{view.FromName} {view.TypeLabel} {view.ToName}");
    }

    /// <summary>Where the line from the box's centre towards (x, y) leaves the box, a little outside so the arrow head shows.</summary>
    private static (double X, double Y) BoxEdge(Node node, double x, double y)
    {
        var (dx, dy) = (x - node.X, y - node.Y);
        if (Math.Abs(dx) < 0.001 && Math.Abs(dy) < 0.001)
        {
            return (node.X, node.Y);
        }

        var scale = Math.Min(
            Math.Abs(dx) < 0.001 ? double.MaxValue : ((BoxWidth / 2) + 4) / Math.Abs(dx),
            Math.Abs(dy) < 0.001 ? double.MaxValue : ((BoxHeight / 2) + 4) / Math.Abs(dy));
        return (node.X + (dx * scale), node.Y + (dy * scale));
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
}

namespace Sanus.Web.DemoData;

/// <summary>One person for each role of the demo company, Osteon Medical (orthopedic implants and imaging software).</summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> People =
    [
        ("elena.martin@sanus.example", "Elena Martín", "General Manager"),
        ("marc.dubois@sanus.example", "Marc Dubois", "Sales Manager"),
        ("katrin.weber@sanus.example", "Katrin Weber", "Design and Development Manager"),
        ("lucia.romano@sanus.example", "Lucía Romano", "Quality Manager & PRRC"),
        ("thomas.berg@sanus.example", "Thomas Berg", "Technical Manager & PRRC"),
        ("arjun.mehta@sanus.example", "Arjun Mehta", "Technology Manager"),
        ("sofia.garcia@sanus.example", "Sofía García", "Sales Development Representative"),
        ("claire.laurent@sanus.example", "Claire Laurent", "Communications Manager"),
        ("anna.rossi@sanus.example", "Anna Rossi", "Executive Assistant"),
        ("jonas.keller@sanus.example", "Jonas Keller", "Project Manager"),
        ("ines.moreau@sanus.example", "Inès Moreau", "Customer Success Manager"),
        ("pablo.ruiz@sanus.example", "Pablo Ruiz", "Business Development"),
        ("greta.schmidt@sanus.example", "Greta Schmidt", "Business Development"),
        ("oliver.hughes@sanus.example", "Oliver Hughes", "Account Manager"),
        ("david.chen@sanus.example", "David Chen", "Field Service Engineer"),
    ];

    public static async Task LoadAsync(FirstRun firstRun, string password, IReadOnlyDictionary<string, Guid> companies)
    {
        foreach (var (email, name, role) in People)
        {
            await firstRun.CreateUserAsync(email, name, password, role);
        }

        // Channel partners (ACC-3): each sees only its distributor's records.
        await firstRun.CreateUserAsync("rosa.vidal@iberia-ortho.example", "Rosa Vidal (Iberia Ortho)", password, companies["iberia-ortho.example"], RoleCatalogue.ChannelPartner);
        await firstRun.CreateUserAsync("zhou.min@huaxia-med.example", "Zhou Min (Huaxia Medical)", password, companies["huaxia-med.example"], RoleCatalogue.ChannelPartner);
    }
}

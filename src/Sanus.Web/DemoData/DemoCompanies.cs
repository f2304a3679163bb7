using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;

namespace Sanus.Web.DemoData;

/// <summary>
/// The demo market of Osteon Medical: hospitals and clinics in Spain, Germany, Italy, France, the UK and
/// China, the distributors that serve some of them, an insurer and pharma companies, with sites,
/// relationships and the people we talk to. All fictional. Loaded through the same rules as user input.
/// </summary>
public static class DemoCompanies
{
    private sealed record Seed(string Name, string Country, string Domain, string Kind, string City, string? Region = null, string? Tier = null);

    private static readonly Seed[] Companies =
    [
        new("Hospital Universitario San Rafael", "ES", "hus-rafael.example", "end-customer", "Madrid", "Iberia", "A"),
        new("Clínica Mediterránea", "ES", "clinica-mediterranea.example", "end-customer", "Valencia", "Iberia", "B"),
        new("Grupo Hospitalario Norte", "ES", "gh-norte.example", "end-customer", "Bilbao", "Iberia", "A"),
        new("Hospital del Mar Azul", "ES", "hospital-marazul.example", "end-customer", "Barcelona", "Iberia", "A"),
        new("Clínica Traumatológica Sevilla", "ES", "ctsevilla.example", "end-customer", "Sevilla", "Iberia", "C"),
        new("Hospital Quirúrgico Levante", "ES", "hq-levante.example", "end-customer", "Alicante", "Iberia", "B"),
        new("Sanitas Salud Demo", "ES", "sanitas-salud-demo.example", "insurer", "Madrid", "Iberia", "A"),
        new("Centro Médico Galicia", "ES", "cm-galicia.example", "end-customer", "A Coruña", "Iberia", "C"),
        new("Hospital Virgen de la Esperanza", "ES", "hv-esperanza.example", "end-customer", "Zaragoza", "Iberia", "B"),
        new("Universitätsklinikum Rheinland", "DE", "ukr-rheinland.example", "end-customer", "Köln", "DACH", "A"),
        new("Orthopädische Klinik Isartal", "DE", "ok-isartal.example", "end-customer", "München", "DACH", "A"),
        new("Klinikum Hanse Nord", "DE", "klinikum-hanse.example", "end-customer", "Hamburg", "DACH", "B"),
        new("Praxisklinik Spree", "DE", "praxisklinik-spree.example", "end-customer", "Berlin", "DACH", "C"),
        new("Helios Demo Kliniken", "DE", "helios-demo.example", "end-customer", "Berlin", "DACH", "A"),
        new("St. Elisabeth Krankenhaus", "DE", "st-elisabeth.example", "end-customer", "Leipzig", "DACH", "B"),
        new("Klinik am Bodensee", "DE", "klinik-bodensee.example", "end-customer", "Konstanz", "DACH", "C"),
        new("Ospedale San Giorgio", "IT", "osp-sangiorgio.example", "end-customer", "Milano", "Italy", "A"),
        new("Istituto Ortopedico Tevere", "IT", "io-tevere.example", "end-customer", "Roma", "Italy", "A"),
        new("Policlinico Vesuvio", "IT", "policlinico-vesuvio.example", "end-customer", "Napoli", "Italy", "B"),
        new("Casa di Cura Arno", "IT", "cdc-arno.example", "end-customer", "Firenze", "Italy", "C"),
        new("Ospedale Maggiore del Po", "IT", "om-po.example", "end-customer", "Torino", "Italy", "B"),
        new("Clinica Laguna", "IT", "clinica-laguna.example", "end-customer", "Venezia", "Italy", "C"),
        new("Hôpital Saint-Exupéry", "FR", "hopital-st-exupery.example", "end-customer", "Lyon", "France", "A"),
        new("Clinique du Parc Monceau", "FR", "clinique-monceau.example", "end-customer", "Paris", "France", "A"),
        new("Centre Hospitalier Atlantique", "FR", "ch-atlantique.example", "end-customer", "Nantes", "France", "B"),
        new("Clinique des Alpilles", "FR", "clinique-alpilles.example", "end-customer", "Marseille", "France", "C"),
        new("Hôpital Garonne", "FR", "hopital-garonne.example", "end-customer", "Toulouse", "France", "B"),
        new("Polyclinique de Flandre", "FR", "polyclinique-flandre.example", "end-customer", "Lille", "France", "C"),
        new("St Bartholomew Orthopaedic Centre", "GB", "stbart-ortho.example", "end-customer", "London", "UK", "A"),
        new("Northern Royal Infirmary", "GB", "nri-demo.example", "end-customer", "Manchester", "UK", "A"),
        new("Thames Valley Clinic", "GB", "tvclinic.example", "end-customer", "Oxford", "UK", "B"),
        new("Highland General Hospital", "GB", "highland-general.example", "end-customer", "Inverness", "UK", "C"),
        new("Severn Private Hospital", "GB", "severn-private.example", "end-customer", "Bristol", "UK", "B"),
        new("Pennine Health Partners", "GB", "pennine-health.example", "insurer", "Leeds", "UK", "B"),
        new("Shanghai Eastern Orthopaedic Hospital", "CN", "sh-eastern-ortho.example", "end-customer", "Shanghai", "China", "A"),
        new("Beijing Union Imaging Centre", "CN", "bj-union-imaging.example", "end-customer", "Beijing", "China", "A"),
        new("Guangzhou Pearl River Hospital", "CN", "gz-pearlriver.example", "end-customer", "Guangzhou", "China", "B"),
        new("Chengdu West China Clinic", "CN", "cd-westchina.example", "end-customer", "Chengdu", "China", "B"),
        new("Hangzhou Lakeside Medical", "CN", "hz-lakeside.example", "end-customer", "Hangzhou", "China", "C"),
        new("Shenzhen Bay International Hospital", "CN", "sz-bay.example", "end-customer", "Shenzhen", "China", "B"),
        new("Wuhan Yangtze General", "CN", "wh-yangtze.example", "end-customer", "Wuhan", "China", "C"),
        new("Nanjing Purple Mountain Hospital", "CN", "nj-purplemountain.example", "end-customer", "Nanjing", "China", "C"),
        new("Iberia Ortho Distribución", "ES", "iberia-ortho.example", "distributor", "Madrid", "Iberia", "A"),
        new("MedTech Vertrieb Süd", "DE", "medtech-sued.example", "distributor", "Stuttgart", "DACH", "A"),
        new("Italmed Forniture", "IT", "italmed.example", "distributor", "Bologna", "Italy", "B"),
        new("Orthodis France", "FR", "orthodis.example", "distributor", "Lyon", "France", "B"),
        new("Albion Surgical Supplies", "GB", "albion-surgical.example", "distributor", "Birmingham", "UK", "B"),
        new("Huaxia Medical Devices Trading", "CN", "huaxia-med.example", "distributor", "Shanghai", "China", "A"),
        new("Jinling Healthcare Distribution", "CN", "jinling-hc.example", "distributor", "Nanjing", "China", "B"),
        new("Novaris Pharma Demo", "CH", "novaris-demo.example", "pharma", "Basel", "DACH", "A"),
        new("Roche-like Diagnostics Demo", "CH", "rld-demo.example", "pharma", "Basel", "DACH", "A"),
        new("Almirante Farma", "ES", "almirante-farma.example", "pharma", "Barcelona", "Iberia", "B"),
        new("Bavaria BioPharm", "DE", "bavaria-biopharm.example", "pharma", "München", "DACH", "B"),
        new("Clinitrial Europe CRO", "NL", "clinitrial-eu.example", "partner", "Amsterdam", "Benelux", "B"),
        new("ImagingCloud Partners", "IE", "imagingcloud.example", "partner", "Dublin", "UK", "C"),
        new("Titanium Alloys Supply", "DE", "ti-alloys.example", "supplier", "Essen", "DACH", "C"),
        new("Sterile Pack Services", "IT", "sterilepack.example", "supplier", "Bergamo", "Italy", "C"),
        new("Hospital Privado Atlántico", "PT", "hp-atlantico.example", "end-customer", "Lisboa", "Iberia", "B"),
        new("Clínica Ortopédica do Porto", "PT", "co-porto.example", "end-customer", "Porto", "Iberia", "C"),
        new("Zürich Spine Center", "CH", "zh-spine.example", "end-customer", "Zürich", "DACH", "A"),
    ];

    private static readonly (string Distributor, string[] Customers)[] Distribution =
    [
        ("iberia-ortho.example", ["clinica-mediterranea.example", "ctsevilla.example", "hq-levante.example", "cm-galicia.example", "hp-atlantico.example", "co-porto.example"]),
        ("medtech-sued.example", ["ok-isartal.example", "klinik-bodensee.example", "praxisklinik-spree.example"]),
        ("italmed.example", ["policlinico-vesuvio.example", "cdc-arno.example", "clinica-laguna.example"]),
        ("orthodis.example", ["clinique-alpilles.example", "polyclinique-flandre.example"]),
        ("albion-surgical.example", ["highland-general.example", "severn-private.example"]),
        ("huaxia-med.example", ["sh-eastern-ortho.example", "hz-lakeside.example", "sz-bay.example", "gz-pearlriver.example"]),
        ("jinling-hc.example", ["nj-purplemountain.example", "wh-yangtze.example", "cd-westchina.example"]),
    ];

    private static readonly string[] FirstNames = ["Ana", "Javier", "Lucía", "Miguel", "Carmen", "Jordi", "Elena", "Pablo", "Marta", "Sergio", "Katharina", "Jonas", "Lena", "Felix", "Sabine", "Matthias", "Giulia", "Marco", "Chiara", "Luca", "Francesca", "Paolo", "Camille", "Julien", "Claire", "Antoine", "Sophie", "Nicolas", "Emma", "James", "Olivia", "Thomas", "Charlotte", "Daniel", "Wei", "Li", "Fang", "Jun", "Mei", "Hao"];

    private static readonly string[] LastNames = ["García", "Fernández", "López", "Martínez", "Sánchez", "Puig", "Navarro", "Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Rossi", "Russo", "Bianchi", "Romano", "Colombo", "Ricci", "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Laurent", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao"];

    private static readonly string[] HospitalTitles = ["Head of Orthopaedic Surgery", "Orthopaedic Surgeon", "Chief Medical Officer", "Head of Radiology", "Radiologist", "Purchasing Manager", "Biomedical Engineering Manager", "Theatre Nurse Manager", "Chief Information Officer", "Head of Trauma Unit", "Spine Surgeon", "Medical Director"];

    private static readonly string[] CompanyTitles = ["Managing Director", "Sales Director", "Field Service Manager", "Key Account Manager", "Regulatory Affairs Manager", "Head of Clinical Operations", "Business Development Manager", "Quality Manager"];

    // Real numbering plans: the country's example number with other last digits stays a valid number.
    private static string DemoPhone(string country, Random random)
    {
        var phones = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var example = phones.Format(phones.GetExampleNumberForType(country, PhoneNumbers.PhoneNumberType.FIXED_LINE), PhoneNumbers.PhoneNumberFormat.E164);
        return example[..^3] + random.Next(100, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Loads the companies and contacts; returns the distributors by web domain for the partner users.</summary>
    public static async Task<Dictionary<string, Guid>> LoadAsync(SanusDb db)
    {
        var random = new Random(20261125);
        var ids = new Dictionary<string, Guid>();
        foreach (var seed in Companies)
        {
            var company = await CompanyRules.CreateAsync(db, new CompanyRules.CompanyInput(
                seed.Name, seed.Country, "https://www." + seed.Domain, Kind: seed.Kind, Region: seed.Region, Tier: seed.Tier,
                AcquisitionChannel: random.Next(3) == 0 ? "MEDICA 2025 trade show" : "Self-sourced"), confirmedNotDuplicate: true);
            ids[seed.Domain] = company.Id;
            await SiteRules.AddAsync(db, company.Id, new SiteRules.SiteInput(seed.Name + " – " + seed.City, seed.Country, seed.City));
        }

        foreach (var (distributor, customers) in Distribution)
        {
            foreach (var customer in customers)
            {
                await RelationshipRules.AddAsync(db, ids[distributor], new RelationshipRules.RelationshipInput(ids[customer], RelationshipTypes.DistributorOf));
            }
        }

        await RelationshipRules.AddAsync(db, ids["sanitas-salud-demo.example"], new RelationshipRules.RelationshipInput(ids["hus-rafael.example"], RelationshipTypes.PaysFor));
        await RelationshipRules.AddAsync(db, ids["helios-demo.example"], new RelationshipRules.RelationshipInput(ids["st-elisabeth.example"], RelationshipTypes.ParentOf));
        await RelationshipRules.AddAsync(db, ids["clinitrial-eu.example"], new RelationshipRules.RelationshipInput(ids["novaris-demo.example"], RelationshipTypes.PartnerOf));

        var used = new HashSet<string>();
        foreach (var seed in Companies)
        {
            var people = seed.Kind == "end-customer" ? 4 : 2;
            for (var i = 0; i < people; i++)
            {
                string first, last;
                do
                {
                    first = FirstNames[random.Next(FirstNames.Length)];
                    last = LastNames[random.Next(LastNames.Length)];
                }
                while (!used.Add(first + last));

                var title = seed.Kind == "end-customer" ? HospitalTitles[random.Next(HospitalTitles.Length)] : CompanyTitles[random.Next(CompanyTitles.Length)];
                var email = $"{Ascii(first)}.{Ascii(last)}@{seed.Domain}";
                var phone = DemoPhone(seed.Country, random);
                await ContactRules.CreateAsync(db, new ContactRules.ContactInput(
                    first, last, email, title, [ids[seed.Domain]], Phone: random.Next(4) == 0 ? null : phone,
                    LinkedInUrl: random.Next(2) == 0 ? $"https://www.linkedin.com/in/{Ascii(first)}-{Ascii(last)}" : null,
                    IsKol: title.Contains("Head", StringComparison.Ordinal) && random.Next(3) == 0), confirmedNotDuplicate: true);
            }
        }

        return ids;
    }

    private static string Ascii(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}

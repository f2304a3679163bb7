using System.Text;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Imports;

/// <summary>The fields a column can be imported into, per kind, and the guess of which column is which from its header.</summary>
public static class ImportFields
{
    public sealed record Field(string Name, string Label, string[] Headers);

    public static readonly IReadOnlyList<Field> Companies =
    [
        new("name", "Name", ["name", "company name", "company", "empresa", "nombre empresa", "nombre", "organisation", "organization", "account name"]),
        new("legalName", "Legal name", ["legal name", "razon social", "legal entity"]),
        new("country", "Country", ["country", "pais", "country code"]),
        new("website", "Website", ["website", "web", "web site", "url", "site", "sitio web", "pagina web", "domain", "dominio"]),
        new("kind", "Kind", ["kind", "type", "tipo", "company type"]),
        new("region", "Region", ["region", "territory", "zona"]),
        new("tier", "Tier", ["tier", "importance", "importancia"]),
        new("acquisitionChannel", "Acquisition channel", ["acquisition channel", "source", "channel", "origen"]),
        new("dealClassTags", "Deal classes", ["deal classes", "deal class", "deal class tags"]),
        new("leadStatus", "Lead status", ["lead status", "status", "estado"]),
        new("notes", "Notes", ["notes", "note", "notas", "comments", "comentarios", "description"]),
    ];

    public static readonly IReadOnlyList<Field> Contacts =
    [
        new("firstName", "First name", ["first name", "firstname", "given name", "nombre", "name"]),
        new("lastName", "Last name", ["last name", "lastname", "surname", "family name", "apellido", "apellidos"]),
        new("email", "Email", ["email", "e-mail", "mail", "email address", "correo", "correo electronico"]),
        new("jobTitle", "Job title", ["job title", "title", "position", "cargo", "puesto", "role"]),
        new("phone", "Phone", ["phone", "telephone", "tel", "phone number", "telefono", "mobile", "movil"]),
        new("company", "Company (name, website or id)", ["company", "company name", "empresa", "organisation", "organization", "account", "company website", "company id", "companies"]),
        new("linkedInUrl", "LinkedIn", ["linkedin", "linkedin url", "linkedin profile", "linked in"]),
        new("notes", "Notes", ["notes", "note", "notas", "comments", "comentarios"]),
    ];

    /// <summary>
    /// Deals start at Prospected: there is no stage field, because the gates (DL-4) apply to moves and an import must not skip them.
    /// The name is built (DL-3) and the country is the company's.
    /// </summary>
    public static readonly IReadOnlyList<Field> Deals =
    [
        new("company", "Company (name, website or id)", ["company", "company name", "empresa", "organisation", "organization", "account", "account name", "company website", "company id", "customer", "cliente"]),
        new("description", "Description", ["description", "deal description", "descripcion", "deal title", "opportunity", "oportunidad", "subject"]),
        new("dealClass", "Deal class", ["deal class", "class", "value proposition", "clase", "clase de oportunidad", "segment"]),
        new("origin", "Origin", ["origin", "source", "lead source", "deal source", "origen", "fuente"]),
        new("amount", "Amount", ["amount", "value", "deal value", "importe", "valor", "monto", "revenue"]),
        new("currency", "Currency", ["currency", "moneda", "divisa", "currency code"]),
        new("expectedCloseDate", "Expected close date (YYYY-MM-DD)", ["expected close date", "close date", "closing date", "expected close", "fecha de cierre", "fecha cierre", "fecha prevista de cierre"]),
        new("ownerEmail", "Owner (email of a user)", ["owner email", "owner", "deal owner", "owner e-mail", "propietario", "responsable", "sales rep"]),
        new("contactEmails", "Contacts (emails, separated by ;)", ["contact emails", "contact email", "contacts", "contact", "contactos", "contacto", "emails"]),
    ];

    public static IReadOnlyList<Field> For(string kind) => kind switch
    {
        ImportKinds.Companies => Companies,
        ImportKinds.Contacts => Contacts,
        ImportKinds.Deals => Deals,
        _ => throw ProblemException.Invalid("kind", "Choose what the file holds: companies, contacts or deals."),
    };

    /// <summary>For each header, the field it most likely holds (exact synonym first, then a header that contains one), each field used once.</summary>
    public static List<string?> Guess(string kind, IReadOnlyList<string> headers)
    {
        var fields = For(kind);
        var keys = headers.Select(Key).ToList();
        var mapping = new List<string?>(new string?[headers.Count]);
        var used = new HashSet<string>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in fields)
            {
                for (var column = 0; column < headers.Count && !used.Contains(field.Name); column++)
                {
                    var key = keys[column];
                    var matches = field.Headers.Select(Key).Any(h => exact ? key == h : key.Length > 0 && key.Contains(h, StringComparison.Ordinal) && h.Length >= 4);
                    if (mapping[column] is null && matches)
                    {
                        mapping[column] = field.Name;
                        used.Add(field.Name);
                    }
                }
            }
        }

        return mapping;
    }

    /// <summary>Refuses a mapping that names an unknown field, uses one twice, or does not fit the header row.</summary>
    public static void Check(string kind, IReadOnlyList<string> headers, IReadOnlyList<string?> mapping)
    {
        var fields = For(kind).Select(f => f.Name).ToHashSet();
        if (mapping.Count != headers.Count)
        {
            throw ProblemException.Invalid("columns", $"Give one entry per column of the file ({headers.Count}), null for a column to leave out.");
        }

        var errors = new List<string>();
        foreach (var name in mapping.OfType<string>())
        {
            if (!fields.Contains(name))
            {
                errors.Add($"\"{name}\" is not a field of {kind}: use one of {string.Join(", ", fields)}.");
            }
        }

        foreach (var twice in mapping.OfType<string>().GroupBy(n => n).Where(g => g.Count() > 1))
        {
            errors.Add($"\"{twice.Key}\" is mapped to more than one column: keep one.");
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["columns"] = [.. errors] });
        }
    }

    /// <summary>A header reduced to lower-case letters and digits without accents: "E-mail" and "Teléfono" become "email" and "telefono".</summary>
    private static string Key(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            // Accents were split off by FormD as marks, which are not letters: they drop out with the punctuation.
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}

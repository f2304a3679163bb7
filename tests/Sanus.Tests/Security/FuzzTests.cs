using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Security;

/// <summary>
/// Issue 7 (security), INT-1: a small randomized fuzz over every API operation the OpenAPI document describes.
/// Malformed JSON, wrong types, wrong content types, out-of-range numbers, impossible dates, unknown enum values,
/// huge strings and bad query parameters must all answer 4xx problem details, never a 500. The seed is printed with
/// each failure; SANUS_FUZZ_SEED replays a run.
/// </summary>
public sealed class FuzzTests(SanusApp app) : IClassFixture<SanusApp>
{
    private const int PayloadsPerOperation = 12;

    private static readonly JsonNode?[] BadStrings = [12345, true, new JsonObject(), new JsonArray(), new string('x', 20_000), "\u0000\u202e", "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"x\")"];
    private static readonly JsonNode?[] BadNumbers = ["abc", "", true, -1, 1e300, JsonValue.Create(decimal.MaxValue), "79228162514264337593543950336000", 0.0000001, new JsonArray()];
    private static readonly JsonNode?[] BadDates = ["2026-13-45", "yesterday", "31/12/2026", "0000-00-00", 20261201, "9999-12-31T99:99:99Z", ""];
    private static readonly JsonNode?[] BadGuids = ["not-a-guid", 123, "00000000-0000-0000-0000-000000000000", "", new JsonArray("x")];
    private static readonly JsonNode?[] BadBooleans = ["yes", 2, "", new JsonObject()];
    private static readonly JsonNode?[] BadArrays = ["x", 1, new JsonArray(new JsonObject(), 1, "not-a-guid"), new JsonObject()];
    private static readonly string[] BadQueryValues = ["-5", "abc", "2026-99-99", "13-2026", "maybe", "%00", new string('9', 400), "", "not-a-stage"];

    [Fact]
    public async Task Bad_payloads_and_parameters_on_every_operation_answer_4xx_problems_never_500()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SANUS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261201;
        var random = new Random(seed);
        var admin = await app.ApiAsAdmin();
        var ids = await RecordsAsync(admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"];
        var failures = new List<string>();
        var tried = 0;

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/v1", StringComparison.Ordinal) || path == "/api/v1/auth/token")
            {
                continue;
            }

            foreach (var (method, operation) in operations!.AsObject())
            {
                var url = ApiEndpoint.Fill(path, ids);
                var schema = Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                var requests = new List<(string What, HttpRequestMessage Request)>();
                if (schema is not null)
                {
                    requests.Add(("malformed JSON", Json(method, url, "{\"a\": [1, ")));
                    requests.Add(("wrong content type", new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") }));
                    requests.Add(("wrong top-level type", Json(method, url, schema["type"]?.ToString() == "array" ? "{\"x\": 1}" : "[1, 2, 3]")));
                    for (var i = 0; i < PayloadsPerOperation; i++)
                    {
                        var body = Mutate(Valid(schema, schemas, random), schema, schemas, random);
                        requests.Add((body, Json(method, url, body)));
                    }
                }
                else if (method == "get")
                {
                    foreach (var parameter in operation?["parameters"]?.AsArray() ?? [])
                    {
                        if (parameter?["in"]?.ToString() == "query")
                        {
                            var value = BadQueryValues[random.Next(BadQueryValues.Length)];
                            requests.Add(($"?{parameter["name"]}={value}", new HttpRequestMessage(HttpMethod.Get, $"{url}?{parameter["name"]}={Uri.EscapeDataString(value)}")));
                        }
                    }
                }

                foreach (var (what, request) in requests)
                {
                    tried++;
                    var response = await admin.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var type = response.Content.Headers.ContentType?.MediaType;
                    if (status >= 500 || (status >= 400 && type != "application/problem+json"))
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} answered {status} ({type}) to {Shorten(what)}");
                    }
                }
            }
        }

        Assert.True(tried > 200, $"only {tried} requests were tried");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures.Distinct()));
    }

    private static async Task<Dictionary<string, Guid>> RecordsAsync(HttpClient admin)
    {
        async Task<Guid> Create(string path, object body) => (await (await admin.PostAsJsonAsync(path, body)).Json()).GetProperty("id").GetGuid();
        var company = await Create("/api/v1/companies?confirm=true", Api.NewCompany());
        var contact = await Create("/api/v1/contacts", new { firstName = "Fuzz", lastName = "Target", email = $"fuzz.{Guid.NewGuid():N}@target.example", jobTitle = "CMO", companyIds = new[] { company } });
        var deal = await Create("/api/v1/deals", new { companyId = company, description = "Fuzz", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 10m, currency = "EUR" });
        return new Dictionary<string, Guid> { ["companies"] = company, ["contacts"] = contact, ["deals"] = deal };
    }

    private static HttpRequestMessage Json(string method, string url, string body) =>
        new(new HttpMethod(method.ToUpperInvariant()), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static JsonNode? Resolve(JsonNode? schema, JsonNode? schemas)
    {
        for (var depth = 0; depth < 5 && schema is not null; depth++)
        {
            if (schema["$ref"]?.ToString() is { } reference)
            {
                schema = schemas?[reference.Split('/')[^1]];
            }
            else if (schema["oneOf"]?.AsArray().FirstOrDefault(o => o?["type"]?.ToString() != "null") is { } option)
            {
                schema = option;
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static string Kind(JsonNode schema)
    {
        var types = schema["type"] is JsonArray many ? many.Select(t => t!.ToString()).ToList() : [schema["type"]?.ToString() ?? "object"];
        var type = types.FirstOrDefault(t => t != "null") ?? "string";
        return (type, schema["format"]?.ToString()) switch
        {
            ("string", "uuid") => "uuid",
            ("string", "date" or "date-time") => "date",
            (_, "double" or "int32" or "int64" or "float") or ("number" or "integer", _) => "number",
            ("boolean", _) => "boolean",
            ("array", _) => "array",
            ("object", _) => "object",
            _ => "string",
        };
    }

    /// <summary>A plausible body: each property of the schema with a value of its type.</summary>
    private static string Valid(JsonNode schema, JsonNode? schemas, Random random)
    {
        var node = Build(schema, schemas, random, 0);
        return node?.ToJsonString() ?? "{}";
    }

    private static JsonNode? Build(JsonNode? schema, JsonNode? schemas, Random random, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > 3)
        {
            return null;
        }

        return Kind(schema) switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => schema["format"]?.ToString() == "date" ? "2027-01-15" : "2027-01-15T10:00:00Z",
            "number" => random.Next(1, 1000),
            "boolean" => random.Next(2) == 0,
            "array" => new JsonArray(),
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Build(p.Value, schemas, random, depth + 1)))),
            _ => "Fuzz " + random.Next(1000),
        };
    }

    /// <summary>Replaces one to three properties with a wrong value for their type.</summary>
    private static string Mutate(string valid, JsonNode schema, JsonNode? schemas, Random random)
    {
        if (JsonNode.Parse(valid) is not JsonObject body || schema["properties"] is not JsonObject properties || properties.Count == 0)
        {
            return valid;
        }

        var names = properties.Select(p => p.Key).ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var name = names[random.Next(names.Count)];
            var bad = Kind(Resolve(properties[name], schemas) ?? new JsonObject()) switch
            {
                "uuid" => BadGuids,
                "date" => BadDates,
                "number" => BadNumbers,
                "boolean" => BadBooleans,
                "array" => BadArrays,
                _ => BadStrings,
            };
            body[name] = bad[random.Next(bad.Length)]?.DeepClone();
        }

        return body.ToJsonString();
    }

    private static string Shorten(string what) => what.Length > 240 ? what[..240] + "…" : what;
}

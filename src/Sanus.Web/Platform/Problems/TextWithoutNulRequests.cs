using System.Text.Json;

namespace Sanus.Web.Platform.Problems;

/// <summary>
/// The API side of <see cref="TextWithoutNul"/>: a query parameter or JSON string holding a NUL character is refused as
/// a 400 naming the field before any use case runs, because PostgreSQL refuses NUL even in a lookup's parameter (a
/// uniqueness check would fail with a 500 before the save could name the field). Runs after authorization, so an
/// anonymous caller still gets 401.
/// </summary>
public static class TextWithoutNulRequests
{
    public static void UseTextWithoutNul(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ProblemHandling.IsApi(context))
        {
            var field = context.Request.Query.FirstOrDefault(p => p.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key;
            if (field is null && context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering();
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                context.Request.Body.Position = 0;
                field = FieldHoldingNul(body.GetBuffer().AsSpan(0, (int)body.Length));
            }

            if (field is not null)
            {
                throw ProblemException.Invalid(field, TextWithoutNul.Message[0]);
            }
        }

        await next();
    });

    /// <summary>The name of the innermost property whose string value holds U+0000; null when none does or the JSON is malformed (binding answers that).</summary>
    private static string? FieldHoldingNul(ReadOnlySpan<byte> json)
    {
        // JSON can only carry NUL escaped; a body without the escape, as nearly every body is, needs no parsing.
        if (json.IndexOf("\\u0000"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    return property ?? "body";
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanus.Web.Platform.Problems;

/// <summary>
/// Refuses a JSON string holding a NUL character (U+0000) as a 400 on that field: no field means one, and PostgreSQL
/// can't store it in text, so it would otherwise fail deep inside a save instead of at the door.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("The text holds a NUL character (U+0000), which no field accepts: remove it and send again.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

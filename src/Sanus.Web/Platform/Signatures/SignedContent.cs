using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sanus.Web.Platform.Signatures;

/// <summary>The hash a signature is bound to: SHA-256 of the content serialised as JSON with fixed options.</summary>
public static class SignedContent
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string Hash(object content)
    {
        var json = JsonSerializer.Serialize(content, content.GetType(), Canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}

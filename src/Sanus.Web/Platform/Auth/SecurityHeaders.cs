namespace Sanus.Web.Platform.Auth;

public static class SecurityHeaders
{
    // Blazor writes an inline import map and MudBlazor inline styles, hence 'unsafe-inline' for those two.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });

        // Local development and tests run on plain HTTP; anything else is sent to HTTPS.
        app.UseWhen(context => !IsLocal(context), https => https.UseHttpsRedirection().UseHsts());
    }

    private static bool IsLocal(HttpContext context) =>
        context.Request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Sanus.Web.Components.Account;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Auth;

public static class AuthSetup
{
    /// <summary>Cookies for the web app, bearer tokens for the API; one selector decides per request.</summary>
    private const string SmartScheme = "CookieOrBearer";

    public static void AddSanusAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var idleMinutes = builder.Configuration.GetValue("Sanus:SessionIdleMinutes", 30);

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sanus.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<SanusUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<SanusRole>()
            .AddEntityFrameworkStores<SanusDb>()
            .AddSignInManager<SanusSignInManager>()
            .AddClaimsPrincipalFactory<SanusClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<SanusSignInManager>();

        // Our own X-Frame-Options: DENY applies everywhere; antiforgery would add a second, weaker SAMEORIGIN.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);

        services.AddScoped<IAuthorizationHandler, CapabilityHandler>();
        services.AddAuthorization(options => options.AddCapabilityPolicies());

        services.AddDataProtection()
            .SetApplicationName("Sanus")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Database.DataFolder(builder.Configuration, builder.Environment), "keys")));

        var perMinute = builder.Configuration.GetValue("Sanus:SignInAttemptsPerMinute", 10);
        var apiConcurrency = builder.Configuration.GetValue("Sanus:ApiConcurrency", 4 * Environment.ProcessorCount);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteTooManyRequests;
            // The web sign-in form posts to a page endpoint; the API token endpoint names the policy itself.
            // API calls beyond a few per core wait in line here rather than all at once in the database, where hundreds
            // of concurrent queries on two cores thrash and time out instead of finishing sooner.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Account/Login")
                    ? SignInWindow(context, perMinute)
                    : context.Request.Path.StartsWithSegments("/api")
                        ? RateLimitPartition.GetConcurrencyLimiter("api", _ => new ConcurrencyLimiterOptions
                        {
                            PermitLimit = apiConcurrency,
                            QueueLimit = 5000,
                            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                        })
                        : RateLimitPartition.GetNoLimiter("none"));
            options.AddPolicy(AuthApi.SignInRateLimit, context => SignInWindow(context, perMinute));
        });
    }

    private static RateLimitPartition<string> SignInWindow(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            "sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static async ValueTask WriteTooManyRequests(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many sign-in attempts",
                Detail = $"Wait {seconds} seconds before trying again.",
            },
        });
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenAuthenticationHandler.SchemeName;
        }

        // A signed-in browser may read the API (downloads, exports) but changes go through tokens,
        // so a cookie can never be used for a cross-site write.
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return ProblemHandling.IsApi(context) && !safe ? TokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ProblemHandling.IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Hands the circuit's user to <see cref="CurrentUser"/>, which has no HttpContext inside a circuit.</summary>
    private sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CurrentUser currentUser) : CircuitHandler, IDisposable
    {
        public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            currentUser.UseCircuitPrincipal((await authentication.GetAuthenticationStateAsync()).User);
            authentication.AuthenticationStateChanged += OnChanged;
        }

        private async void OnChanged(Task<AuthenticationState> state) => currentUser.UseCircuitPrincipal((await state).User);

        public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
    }
}

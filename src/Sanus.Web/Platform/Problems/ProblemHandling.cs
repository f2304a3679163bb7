using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Sanus.Web.Platform.Problems;

/// <summary>
/// Every API error is an RFC 9457 problem details body with a traceId (INT-1): refusals from use cases,
/// bad requests, unknown routes, wrong methods and content types, and unexpected failures.
/// </summary>
public static class ProblemHandling
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static void AddSanusProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
    }

    public static void UseSanusProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                ProblemException problem => problem.Status,
                BadHttpRequestException bad => bad.StatusCode,
                DbUpdateConcurrencyException => StatusCodes.Status412PreconditionFailed,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    }

    private sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ProblemDetails details = exception switch
            {
                ProblemException { Errors.Count: > 0 } problem => new HttpValidationProblemDetails(problem.Errors.ToDictionary())
                {
                    Status = problem.Status,
                    Title = problem.Title,
                    Detail = problem.Detail,
                },
                ProblemException problem => new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail },
                BadHttpRequestException bad => new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "The request could not be read",
                    Detail = bad.Message,
                },
                DbUpdateConcurrencyException => new ProblemDetails
                {
                    Status = StatusCodes.Status412PreconditionFailed,
                    Title = "The record was changed by someone else",
                    Detail = "Reload the record, review the current values and apply your change again.",
                },
                _ => new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Something went wrong on our side",
                    Detail = "The error was logged with the traceId below; quote it when you report the problem.",
                },
            };

            if (exception is ProblemException { Extensions.Count: > 0 } withExtensions)
            {
                foreach (var (key, value) in withExtensions.Extensions)
                {
                    details.Extensions[key] = value;
                }
            }

            if (!IsApi(httpContext) && details.Status == StatusCodes.Status500InternalServerError)
            {
                return false;
            }

            httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
        }
    }
}

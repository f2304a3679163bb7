using Sanus.Web.Data;

namespace Sanus.Web.Features.Dashboards;

public static class DashboardsApi
{
    public static void MapDashboardsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboards/sales", Sales).WithTags("Dashboards")
            .WithSummary("The open pipeline by stage, expected close month, deal class and origin (count and total per currency), deals idle in their stage for 30 days or more, and won, lost and win rate. In the caller's scope.");
    }

    private static Task<SalesDashboard.Sales> Sales(SanusDb db, TimeProvider clock) => SalesDashboard.ComputeAsync(db, clock);
}

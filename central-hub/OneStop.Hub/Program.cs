using OneStop.Hub;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Api;
using OneStop.Hub.Audit;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Maintenance;
using OneStop.Hub.Operations;
using OneStop.Hub.PublicSite;

if (await HubCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHubEndpoints();
builder.AddHubStore();
builder.AddNodeEnrolment();
builder.AddHubConsole();
builder.AddHubAudit();
builder.AddHubHealth();
builder.AddHubMetrics();
builder.AddHubPublicSite();

var app = builder.Build();
app.MapHubSync();
app.MapNodeEnrolment();
app.MapHubAudit();
app.MapHubAdminApi();
app.MapHubConsole();
app.MapHubHealth();
app.MapHubMetrics();
app.MapHubPublicSite();
app.Run();
return 0;

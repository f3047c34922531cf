using OneStop.Hub;
using OneStop.Hub.Api;
using OneStop.Hub.Maintenance;

if (await HubCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHubEndpoints();
builder.AddHubStore();

var app = builder.Build();
app.MapHubSync();
app.MapHubAdminApi();
app.Run();
return 0;

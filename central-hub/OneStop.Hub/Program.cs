using OneStop.Hub;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Api;
using OneStop.Hub.Maintenance;

if (await HubCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHubEndpoints();
builder.AddHubStore();
builder.AddHubConsole();

var app = builder.Build();
app.MapHubSync();
app.MapHubAdminApi();
app.MapHubConsole();
app.Run();
return 0;

using OneStop.Edge;
using OneStop.Edge.Api;
using OneStop.Edge.Appliance;
using OneStop.Edge.Audit;
using OneStop.Edge.Clock;
using OneStop.Edge.Devices;
using OneStop.Edge.Enrolment;
using OneStop.Edge.StoreHealth;
using OneStop.Edge.Ui;

if (StoreCommands.IsCommand(args))
{
    return await StoreCommands.RunAsync(args);
}

if (BackupCommands.IsCommand(args))
{
    return await BackupCommands.RunAsync(args);
}

if (EdgeAuditCommand.IsCommand(args))
{
    return await EdgeAuditCommand.RunAsync(args);
}

if (EnrolCommand.IsCommand(args))
{
    return await EnrolCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddStoreHealth();
builder.AddEdgeStore();
builder.AddSyncAgent();
builder.AddNodeEnrolment();
builder.AddEdgeDevices();
builder.AddEdgeUi();
builder.AddEdgeClock();
builder.AddApplianceHosting();

var app = builder.Build();
app.UseStoreHealth();
app.MapEdgeApi();
app.MapEdgeUi();
app.Run();
return 0;

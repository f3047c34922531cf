using OneStop.Edge;
using OneStop.Edge.Api;
using OneStop.Edge.Devices;
using OneStop.Edge.Ui;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdgeStore();
builder.AddSyncAgent();
builder.AddEdgeDevices();
builder.AddEdgeUi();

var app = builder.Build();
app.MapEdgeApi();
app.MapEdgeUi();
app.Run();

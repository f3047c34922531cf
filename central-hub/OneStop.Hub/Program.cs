using OneStop.Hub;
using OneStop.Hub.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddHubEndpoints();
builder.AddHubStore();

var app = builder.Build();
app.MapHubSync();
app.MapHubAdminApi();
app.Run();

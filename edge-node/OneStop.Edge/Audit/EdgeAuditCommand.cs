using OneStop.Storage;

namespace OneStop.Edge.Audit;

/// <summary>
/// <c>OneStop.Edge audit verify</c>: checks the node's audit chain and prints <c>OK, N entries</c> (exit 0) or the
/// first broken link (exit 1). Settings as for the host (<c>--Edge:DataDirectory=...</c>).
/// </summary>
public static class EdgeAuditCommand
{
    public static bool IsCommand(string[] args) => args is ["audit", "verify", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args[2..]);
        builder.AddEdgeStore();
        await using var app = builder.Build();
        if (!File.Exists(app.Services.GetRequiredService<SqliteDatabase>().Path))
        {
            await Console.Error.WriteLineAsync($"No database at {app.Services.GetRequiredService<SqliteDatabase>().Path}.");
            return 2;
        }

        var result = await app.Services.GetRequiredService<EdgeAuditLog>().VerifyAsync();
        Console.WriteLine(result.Describe());
        return result.Holds ? 0 : 1;
    }
}

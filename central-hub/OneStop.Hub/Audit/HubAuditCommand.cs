using OneStop.Hub.AdminConsole;

namespace OneStop.Hub.Audit;

/// <summary>
/// <c>OneStop.Hub audit verify [--node X]</c>: re-checks every audit chain the hub holds (or one node's) from its
/// first entry and prints one line per chain, <c>OK, N entries</c> or the first broken link; exit 1 if any is broken.
/// </summary>
public static class HubAuditCommand
{
    public const string Verb = "audit";

    public static async Task<int> RunAsync(string[] args, Func<string[], string> dataDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (args is not [Verb, "verify", ..])
        {
            await Console.Error.WriteLineAsync("usage: OneStop.Hub audit verify [--node <node id>] [--Hub:DataDirectory=<folder>]");
            return 2;
        }

        var rest = args[2..];
        var nodeAt = Array.IndexOf(rest, "--node");
        var node = nodeAt >= 0 && nodeAt + 1 < rest.Length ? rest[nodeAt + 1] : null;
        var settings = rest.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a != "--node" && (nodeAt < 0 || i != nodeAt + 1)).ToArray();
        var path = Path.Combine(dataDirectory(settings), ConsoleDatabase.FileName);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No console database at {path}.");
            return 2;
        }

        var store = new HubAuditStore(new ConsoleDatabase(path), time);
        var results = await store.VerifyAsync(node, CancellationToken.None);
        if (results.Count == 0)
        {
            Console.WriteLine(node is null ? "no audit chains" : $"no audit chain for node {node}");
            return node is null ? 0 : 1;
        }

        foreach (var (chain, result) in results)
        {
            // A break found on arrival stays reported: the broken entries never reached the store to be re-checked.
            var flagged = chain.FlaggedBreak is { } arrival ? $" (BROKEN on arrival at sequence {arrival.Sequence}: {arrival.Reason})" : string.Empty;
            Console.WriteLine($"{chain.NodeId} {chain.ChainId}: {result.Describe()}{flagged}");
        }

        return results.All(r => r.Result.Holds && r.Chain.FlaggedBreak is null) ? 0 : 1;
    }
}

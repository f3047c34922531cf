using OneStop.Hub.Store;

namespace OneStop.Hub.Api;

/// <summary>
/// Why a resolve wrote nothing, as a problem: 409 when the conflict was settled or superseded meanwhile (another admin,
/// or a node's write that reached the hub first), so the admin reloads and sees the record as it is now; 404 when no
/// merge ever found it.
/// </summary>
public static class ConflictResolveRefusal
{
    public static async Task<IResult> ProblemAsync(Guid id, HubStore store, CancellationToken cancellationToken) =>
        await store.FindConflictAsync(id, cancellationToken) == ConflictLookup.Unknown
            ? Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Không có xung đột này. / No such conflict.",
                detail: $"No conflict {id} was ever found by a merge.",
                extensions: new Dictionary<string, object?> { ["error"] = "Không có xung đột này.", ["errorEn"] = $"No conflict {id}." })
            : Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Xung đột đã được xử lý hoặc đã thay đổi. / The conflict was already resolved or has changed.",
                detail: $"Conflict {id} is no longer open: another admin resolved it, or a later write superseded one of its sides. Reload and review the record as it is now.",
                extensions: new Dictionary<string, object?>
                {
                    ["error"] = "Xung đột này đã được người khác xử lý hoặc hồ sơ đã thay đổi; hãy tải lại.",
                    ["errorEn"] = "This conflict was resolved by someone else or the record changed; reload.",
                });
}

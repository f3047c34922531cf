using System.Security.Claims;
using OneStop.Core.Catalogue;
using OneStop.Core.Forms;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// The province's procedure catalogue as the nodes receive it (procedure records parsed by the node's own parser).
/// Changes take the signed-in user, who must be a province admin; each is recorded in the audit.
/// </summary>
public interface IConsoleCatalogue
{
    Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The shared option lists (ethnic groups, ...) forms refer to, from the same catalogue file the nodes ship with.</summary>
    SharedOptionLists OptionLists { get; }

    /// <summary>Adds a procedure (<paramref name="isNew"/>) or changes the names and processing time of one.</summary>
    Task<ConsoleResult> SaveAsync(ClaimsPrincipal actor, ProcedureDraft draft, bool isNew, CancellationToken cancellationToken);

    /// <summary>From <paramref name="from"/> on, nodes receive no new dossier for the procedure.</summary>
    Task<ConsoleResult> RetireAsync(ClaimsPrincipal actor, string code, DateOnly from, CancellationToken cancellationToken);

    /// <summary>Publishes new amounts for fee lines, charged for dossiers received on or after <paramref name="effectiveFrom"/>.</summary>
    Task<ConsoleResult> PublishFeesAsync(ClaimsPrincipal actor, string code, DateOnly effectiveFrom, IReadOnlyDictionary<string, long> amounts, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes <paramref name="formJson"/> as the next version of the procedure's form schema; the one it replaces
    /// stays in the history, so dossiers filed under it keep rendering with it. Refused when the schema does not parse
    /// or equals the version in force.
    /// </summary>
    Task<ConsoleResult> PublishFormAsync(ClaimsPrincipal actor, string code, string formJson, CancellationToken cancellationToken);
}

public sealed record ProcedureDraft(string Code, string NameVi, string NameEn, string FieldVi, string FieldEn, int WorkingDays, bool SameDay);

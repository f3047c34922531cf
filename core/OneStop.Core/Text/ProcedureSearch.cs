using OneStop.Core.Catalogue;

namespace OneStop.Core.Text;

/// <summary>Search over the procedure catalogue as the "find a procedure" screen needs it.</summary>
public static class ProcedureSearch
{
    public static IReadOnlyList<Procedure> Search(IEnumerable<Procedure> procedures, string? query) =>
        SearchRanking.Rank(procedures, query, p => new SearchTexts(p.NameVi, p.Code, p.FieldVi, p.NameEn))
            .Select(r => r.Item)
            .ToList();
}

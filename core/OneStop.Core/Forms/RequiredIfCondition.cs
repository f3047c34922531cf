using System.Text.RegularExpressions;

namespace OneStop.Core.Forms;

/// <summary>
/// The small condition language of required_if: <c>key == 'value'</c>, <c>key != 'value'</c> and
/// <c>key in ['a','b']</c>. Parsed once when the schema is read, so a typo in the catalogue fails at sync, not at the desk.
/// </summary>
public sealed partial record RequiredIfCondition(string Key, string Operator, IReadOnlyList<string> Values, string Text)
{
    public const string EqualsOperator = "==";
    public const string NotEqualsOperator = "!=";
    public const string InOperator = "in";

    public static RequiredIfCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ConditionPattern().Match(text);
        if (!match.Success)
        {
            throw new FormSchemaException(FormSchemaErrorCodes.BadCondition, null, $"Unsupported required_if condition: {text}");
        }

        var op = match.Groups["op"].Value;
        var values = op == InOperator
            ? QuotedPattern().Matches(match.Groups["list"].Value).Select(m => m.Groups["v"].Value).ToList()
            : [match.Groups["v"].Value];
        return new RequiredIfCondition(match.Groups["key"].Value, op, values, text);
    }

    /// <summary>True when the answers make the field required.</summary>
    public bool IsMet(IReadOnlyDictionary<string, string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var answer = answers.GetValueOrDefault(Key)?.Trim() ?? string.Empty;
        var contains = Values.Contains(answer, StringComparer.Ordinal);
        return Operator == NotEqualsOperator ? !contains && answer.Length > 0 : contains;
    }

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9_.]+)\s*(?:(?<op>==|!=)\s*'(?<v>[^']*)'|(?<op>in)\s*\[(?<list>[^\]]*)\])\s*$")]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"'(?<v>[^']*)'")]
    private static partial Regex QuotedPattern();
}

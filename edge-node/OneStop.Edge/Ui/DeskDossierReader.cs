using System.Globalization;
using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;
using OneStop.Storage;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>Reads a stored dossier record into what the screens show.</summary>
internal static class DeskDossierReader
{
    public static DeskDossier Read(RecordData record)
    {
        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var payments = new List<DeskPayment>();
        var paymentPrefix = DeskDossierFields.Payments + AppendOnlyFields.Separator;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                answers[property.Name[DossierFields.FormPrefix.Length..]] = property.Value.GetString()!;
            }
            else if (property.Name.StartsWith(paymentPrefix, StringComparison.Ordinal) && ReadPayment(property.Value) is { } payment)
            {
                payments.Add(payment);
            }
        }

        var status = DossierStatusNames.TryParse(Text(root, DossierFields.Status), out var parsed) ? parsed : DossierStatus.Draft;
        return new DeskDossier(record.Id, Text(root, DossierFields.ProcedureCode) ?? string.Empty, Text(root, DossierFields.ApplicantName) ?? string.Empty, status, Moment(Text(root, DossierFields.CreatedAt)), answers)
        {
            ReceivedAt = Moment(Text(root, DeskDossierFields.ReceivedAt)),
            ReceivedBy = Text(root, DeskDossierFields.ReceivedBy),
            DueDate = DateOnly.TryParseExact(Text(root, DeskDossierFields.DueDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            Payments = [.. payments.OrderBy(p => p.At)],
            PublicCode = Text(root, PublicCode.Field),
            FormVersion = root.TryGetProperty(FormSchemaVersions.DossierField, out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v)
                ? v
                : FormSchemaVersions.First,
        };
    }

    public static string PaymentJson(PaymentMethod method, long amountVnd, DateTimeOffset at, string collectedBy) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["method"] = method == PaymentMethod.Cash ? "cash" : "bank_transfer",
            ["amount_vnd"] = amountVnd,
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["by"] = collectedBy,
        });

    private static DeskPayment? ReadPayment(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("amount_vnd", out var amount) || amount.ValueKind != JsonValueKind.Number
            || Moment(Text(value, "at")) is not { } at)
        {
            return null;
        }

        var method = Text(value, "method") == "cash" ? PaymentMethod.Cash : PaymentMethod.BankTransfer;
        return new DeskPayment(method, amount.GetInt64(), at, Text(value, "by") ?? string.Empty);
    }

    private static DateTimeOffset? Moment(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment) ? moment : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

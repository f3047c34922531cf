using System.Globalization;
using OneStop.Core.Forms;
using OneStop.Core.Identity;

namespace OneStop.Ui.Components;

/// <summary>
/// Fills one person's fields of a form from a CCCD's QR: the person who brought the card, so the requester
/// when the form has one, otherwise the first person with an ID number field. Only fields the form has are set.
/// </summary>
public static class CccdPrefill
{
    private const string PreferredPerson = "requester";

    public static IReadOnlyDictionary<string, string> Answers(FormSchema form, CccdQrData card)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(card);
        var people = form.Fields
            .Where(f => f.Type == FormFieldType.IdNumber)
            .Select(f => CccdFieldLinks.PersonPrefix(f.Key))
            .OfType<string>()
            .ToList();
        var person = people.Contains(PreferredPerson, StringComparer.Ordinal) ? PreferredPerson : people.FirstOrDefault();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (person is null)
        {
            return answers;
        }

        void Set(string suffix, string value)
        {
            var key = $"{person}.{suffix}";
            var field = form.Find(key);
            // A select takes only one of its own values; anything else would be refused on submit anyway.
            if (field is not null && (field.Type != FormFieldType.Select || field.Options.Any(o => o.Value == value)))
            {
                answers[key] = value;
            }
        }

        Set("id_number", card.IdNumber);
        Set("full_name", card.FullName);
        Set(CccdFieldLinks.BirthDateSuffix, card.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(CccdFieldLinks.SexSuffix, SexCodes.ToFormValue(card.Sex));
        Set("residence", card.Address);
        return answers;
    }
}

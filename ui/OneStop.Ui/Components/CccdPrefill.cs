using System.Globalization;
using OneStop.Core.Forms;
using OneStop.Core.Identity;

namespace OneStop.Ui.Components;

/// <summary>
/// Fills one person's fields of a form from a CCCD (its QR or its chip): the person the clerk picks, by default the
/// one who brought the card, so the requester when the form has one, otherwise the first person with an ID number
/// field. Only fields the form has are set.
/// </summary>
public static class CccdPrefill
{
    private const string PreferredPerson = "requester";

    /// <summary>The people the form asks an ID number of ("requester", "mother", ...), in form order, the default first.</summary>
    public static IReadOnlyList<string> People(FormSchema form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var people = form.Fields
            .Where(f => f.Type == FormFieldType.IdNumber)
            .Select(f => CccdFieldLinks.PersonPrefix(f.Key))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return people.Remove(PreferredPerson) ? [PreferredPerson, .. people] : people;
    }

    /// <summary>The ID number field of a person, whose label names them on the form.</summary>
    public static FormField? IdField(FormSchema form, string person) =>
        form.Fields.FirstOrDefault(f => f.Type == FormFieldType.IdNumber && CccdFieldLinks.PersonPrefix(f.Key) == person);

    /// <param name="form">The intake form.</param>
    /// <param name="card">What the card says.</param>
    /// <param name="person">Whom the card belongs to (a mother's card on a birth registration); null for the default person.</param>
    public static IReadOnlyDictionary<string, string> Answers(FormSchema form, CccdQrData card, string? person = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(card);
        var people = People(form);
        person = person is not null && people.Contains(person, StringComparer.Ordinal) ? person : people.FirstOrDefault();
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

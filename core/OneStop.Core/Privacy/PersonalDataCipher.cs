using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Text;

namespace OneStop.Core.Privacy;

/// <summary>
/// Seals and opens the personal fields (<see cref="PersonalFields"/>) of records and change entries under one data key
/// (a node's, or the province's at the hub). Two keys are derived from it (HKDF-SHA256): one for the field envelopes,
/// one for the blind index, so an index value says nothing about the ciphertexts. Stores call it on their way to and
/// from the disk; merges, the wire and the screens only ever see plaintext, so equal values compare equal.
/// A value that is not an envelope opens as itself: files written before sealing keep working, and are sealed on the
/// record's next write.
/// </summary>
public sealed partial class PersonalDataCipher
{
    private readonly byte[] _fieldKey;
    private readonly byte[] _indexKey;
    private readonly AesGcmPool _fieldAes;

    public PersonalDataCipher(ReadOnlySpan<byte> dataKey, IReadOnlySet<string>? markedFormKeys = null)
    {
        if (dataKey.Length != FieldEnvelope.KeyBytes)
        {
            throw new ArgumentException($"The data key must be {FieldEnvelope.KeyBytes} bytes.", nameof(dataKey));
        }

        _fieldKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey.ToArray(), FieldEnvelope.KeyBytes, info: "onestop personal fields v1"u8.ToArray());
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey.ToArray(), FieldEnvelope.KeyBytes, info: "onestop blind index v1"u8.ToArray());
        _fieldAes = new AesGcmPool(_fieldKey, FieldEnvelope.TagBytes);
        MarkedFormKeys = markedFormKeys;
    }

    /// <summary>Form keys a schema marks personal, beyond the names <see cref="PersonalFields"/> knows.</summary>
    public IReadOnlySet<string>? MarkedFormKeys { get; set; }

    public bool IsPersonal(string recordType, string field) => PersonalFields.IsPersonal(recordType, field, MarkedFormKeys);

    /// <summary>The write with its value sealed when the field is personal (and not sealed already).</summary>
    public FieldChange Seal(Guid recordId, string recordType, FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Json is null || write.Deleted || !IsPersonal(recordType, write.Name) || IsEnvelope(write.Json))
        {
            return write;
        }

        return write with { Json = JsonSerializer.Serialize(_fieldAes.Use(aes => FieldEnvelope.Seal(aes, recordId, write.Name, write.Json!))) };
    }

    /// <summary>The write with its value opened; a value that is not an envelope is returned as it is.</summary>
    public FieldChange Open(Guid recordId, FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write.Json is { } json && TryOpenJson(recordId, write.Name, json, out var plain) ? write with { Json = plain } : write;
    }

    public StoredRecord Seal(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { Fields = Map(record.Fields, write => Seal(record.Id, record.Type, write)) };
    }

    public StoredRecord Open(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { Fields = Map(record.Fields, write => Open(record.Id, write)) };
    }

    public ChangeEntry Seal(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry with { Fields = [.. entry.Fields.Select(write => Seal(entry.RecordId, entry.RecordType, write))] };
    }

    public ChangeEntry Open(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry with { Fields = [.. entry.Fields.Select(write => Open(entry.RecordId, write))] };
    }

    /// <summary>
    /// Opens a field's stored JSON value when it is an envelope (a JSON string "enc:v1:..."); false when it is not,
    /// and an exception when it is one that fails its tag (tampered, moved from another record, or another key).
    /// </summary>
    public bool TryOpenJson(Guid recordId, string field, string json, out string plain)
    {
        ArgumentNullException.ThrowIfNull(json);
        plain = json;
        if (!IsEnvelope(json))
        {
            return false;
        }

        var envelope = JsonSerializer.Deserialize<string>(json)!;
        var opened = _fieldAes.Use(aes => FieldEnvelope.TryOpen(aes, recordId, field, envelope, out var value) ? value : null);
        plain = opened ?? json;
        if (opened is null)
        {
            throw new CryptographicException($"The sealed value of {field} in record {recordId} does not open under this key: changed, moved from another record, or sealed under another key.");
        }

        return true;
    }

    /// <summary>
    /// A value as a json1 query reads it (an SQL text, or null) opened to its text: the string itself for a JSON string,
    /// the JSON text otherwise. What is not an envelope is returned as it is.
    /// </summary>
    public string? OpenText(Guid recordId, string field, string? value)
    {
        if (!FieldEnvelope.IsSealed(value) || !TryOpenJson(recordId, field, JsonSerializer.Serialize(value), out var plain))
        {
            return value;
        }

        return plain.StartsWith('"') ? JsonSerializer.Deserialize<string>(plain) : plain;
    }

    /// <summary>Opens every sealed value of a record's live values document ({name: value}).</summary>
    public string OpenValues(Guid recordId, string valuesJson)
    {
        ArgumentNullException.ThrowIfNull(valuesJson);
        if (!valuesJson.Contains(FieldEnvelope.Prefix, StringComparison.Ordinal))
        {
            return valuesJson;
        }

        using var document = JsonDocument.Parse(valuesJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Blind indexes are for lookups inside the store; readers see the values only.
            foreach (var property in document.RootElement.EnumerateObject().Where(p => !p.Name.EndsWith(BlindIndexSuffix, StringComparison.Ordinal)))
            {
                writer.WritePropertyName(property.Name);
                var raw = property.Value.GetRawText();
                writer.WriteRawValue(TryOpenJson(recordId, property.Name, raw, out var plain) ? plain : raw, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The keyed blind index of a value: HMAC-SHA256 under the index key of its normalised form (<see cref="NormaliseForIndex"/>),
    /// hex. Equal values give equal indexes under one key; without the key, a 12-digit number cannot be guessed from it.
    /// </summary>
    public string BlindIndex(string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var text = $"{kind}\n{NormaliseForIndex(value)}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Ends the name of the property that holds, beside an ID number in a stored values document, its blind index.</summary>
    public const string BlindIndexSuffix = "#bi";

    /// <summary>The blind index of an ID number (CCCD, CMND), as kept beside it and looked up by.</summary>
    public string IdNumberIndex(string number) => BlindIndex("id", number);

    /// <summary>
    /// The blind indexes of a dossier's ID numbers, by the property name they are kept under ("online_filer_cccd#bi"):
    /// an exact lookup compares these, so it needs neither a plaintext copy nor opening every row.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> IdNumberIndexes(StoredRecord plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        if (plain.Type != RecordTypes.Dossier)
        {
            return [];
        }

        var indexes = new List<KeyValuePair<string, string>>();
        foreach (var field in plain.CurrentFields)
        {
            if (!field.Deleted && field.Json is { } json && PersonalFields.IsIdNumber(field.Name)
                && (json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) : json) is { Length: > 0 } number && !FieldEnvelope.IsSealed(number))
            {
                indexes.Add(new(field.Name + BlindIndexSuffix, IdNumberIndex(number)));
            }
        }

        return indexes;
    }

    /// <summary>Diacritics, case, spacing and punctuation do not count: " Nguyễn  Văn-An" and "nguyen van an" index alike; "0012 3456" as "00123456".</summary>
    public static string NormaliseForIndex(string? value) => string.Join(' ', VietnameseFolding.Words(value));

    /// <summary>Seals attachment content; its SHA-256 name is the associated data, so content cannot be swapped between names.</summary>
    public byte[] SealContent(string sha256, ReadOnlySpan<byte> content)
    {
        var sealedBytes = new byte[ContentMagic.Length + 12 + content.Length + 16];
        ContentMagic.CopyTo(sealedBytes);
        var nonce = sealedBytes.AsSpan(ContentMagic.Length, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_fieldKey, 16);
        aes.Encrypt(nonce, content, sealedBytes.AsSpan(ContentMagic.Length + 12, content.Length), sealedBytes.AsSpan(sealedBytes.Length - 16), Encoding.UTF8.GetBytes(sha256));
        return sealedBytes;
    }

    /// <summary>Opens sealed content; null when it is not sealed (content stored before sealing) or fails its tag.</summary>
    public byte[]? OpenContent(string sha256, byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length < ContentMagic.Length + 28 || !stored.AsSpan(0, ContentMagic.Length).SequenceEqual(ContentMagic))
        {
            return null;
        }

        var length = stored.Length - ContentMagic.Length - 28;
        var plain = new byte[length];
        using var aes = new AesGcm(_fieldKey, 16);
        try
        {
            aes.Decrypt(stored.AsSpan(ContentMagic.Length, 12), stored.AsSpan(ContentMagic.Length + 12, length), stored.AsSpan(stored.Length - 16), plain, Encoding.UTF8.GetBytes(sha256));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return plain;
    }

    /// <summary>The first bytes of sealed content.</summary>
    public static ReadOnlySpan<byte> ContentMagic => "OSE1"u8;

    /// <summary>Bytes sealed content takes beyond the content: magic (4), nonce (12), tag (16).</summary>
    public const int ContentOverhead = 32;

    /// <summary>Whether stored content has the sealed form (its tag is checked only with the key, when it is read).</summary>
    public static bool IsSealedContent(ReadOnlySpan<byte> stored) => stored.Length >= ContentMagic.Length + 28 && stored[..ContentMagic.Length].SequenceEqual(ContentMagic);

    private static bool IsEnvelope(string json) => json.StartsWith("\"" + FieldEnvelope.Prefix, StringComparison.Ordinal);

    private static Dictionary<string, FieldChange> Map(IReadOnlyDictionary<string, FieldChange> fields, Func<FieldChange, FieldChange> change)
    {
        var map = new Dictionary<string, FieldChange>(fields.Count, StringComparer.Ordinal);
        foreach (var (name, write) in fields)
        {
            map[name] = change(write);
        }

        return map;
    }
}

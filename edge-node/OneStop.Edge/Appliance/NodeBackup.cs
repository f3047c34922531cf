using System.Formats.Tar;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.Storage;

namespace OneStop.Edge.Appliance;

/// <summary>
/// A whole node in one sealed file (docs/backup.md, "A node"): a consistent snapshot of its database taken while it
/// runs, plus every other file of its data folder (certificate and key, signing key, enrolment), as a tar stream
/// sealed by <see cref="BackupCipher"/>. Restoring puts them into an empty data folder; the node then starts as a
/// restored box (issue 18's regressed incarnation) and the hub gives back whatever it filed after the backup.
/// </summary>
public static class NodeBackup
{
    public const string DatabaseFile = "edge.db";
    private const string ManifestEntry = "onestop-backup.json";

    /// <summary>Backs up the data folder of a node (running or not) into <paramref name="targetFile"/>.</summary>
    public static async Task<BackupManifest> CreateAsync(string dataDirectory, string nodeId, string targetFile, string passphrase, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (BackupCipher.RefusePassphrase(passphrase) is { } weak)
        {
            throw new BackupRefusedException(weak);
        }

        var database = Path.Combine(dataDirectory, DatabaseFile);
        if (!File.Exists(database))
        {
            throw new BackupRefusedException($"Không có cơ sở dữ liệu ở {database} / No node database at {database}.");
        }

        var target = Path.GetFullPath(targetFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // The snapshot holds personal data in clear: it stays in the data folder, which already does, never in /tmp.
        var snapshot = Path.Combine(dataDirectory, $"backup-snapshot-{Guid.NewGuid():N}.db");
        var partial = target + ".partial";
        try
        {
            await SqliteSnapshot.CopyAsync(new SqliteDatabase(database), snapshot, cancellationToken);
            var manifest = new BackupManifest(nodeId, time.GetUtcNow(), await CountDossiersAsync(snapshot, cancellationToken));
            var pipe = new Pipe();
            var writing = WriteTarAsync(pipe.Writer, dataDirectory, snapshot, manifest, cancellationToken);
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await BackupCipher.SealAsync(pipe.Reader.AsStream(), output, passphrase, cancellationToken);
                await writing;

                // A USB stick pulled right after "done" must still hold the whole backup.
                output.Flush(flushToDisk: true);
            }

            File.Move(partial, target, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="dataDirectory"/>, which must be empty or absent: a restore never
    /// overwrites a node's data (move it aside first). Everything is unpacked and checked beside the folder and
    /// then renamed into place, so a wrong passphrase or a damaged file leaves nothing half-restored.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string backupFile, string dataDirectory, string passphrase, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(dataDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupRefusedException(
                $"Thư mục dữ liệu {target} không trống: chuyển nó đi chỗ khác trước khi khôi phục / The data folder {target} is not empty: move it aside before restoring.");
        }

        if (!File.Exists(backupFile))
        {
            throw new BackupRefusedException($"Không thấy tệp sao lưu {backupFile} / No backup file at {backupFile}.");
        }

        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".restoring";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            var pipe = new Pipe();
            BackupManifest? manifest;
            await using (var input = new FileStream(backupFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
            {
                var opening = OpenIntoPipeAsync(input, pipe.Writer, passphrase, cancellationToken);
                var reading = ExtractAsync(pipe.Reader, staging, cancellationToken);
                await Task.WhenAll(opening, reading);
                manifest = await reading;
            }

            if (manifest is null || !File.Exists(Path.Combine(staging, DatabaseFile)))
            {
                throw new BackupRefusedException("Bản sao lưu thiếu cơ sở dữ liệu của máy / The backup holds no node database.");
            }

            await SqliteSnapshot.QuickCheckFileAsync(Path.Combine(staging, DatabaseFile), cancellationToken);
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task WriteTarAsync(PipeWriter pipe, string dataDirectory, string snapshot, BackupManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await using (var stream = pipe.AsStream(leaveOpen: true))
            await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, ManifestEntry)
                {
                    DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest)),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                };
                await tar.WriteEntryAsync(manifestEntry, cancellationToken);
                await tar.WriteEntryAsync(snapshot, DatabaseFile, cancellationToken);
                foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
                {
                    var name = Path.GetRelativePath(dataDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
                    if (!IsLiveStoreFile(name))
                    {
                        await tar.WriteEntryAsync(file, name, cancellationToken);
                    }
                }
            }

            await pipe.CompleteAsync();
        }
        catch (Exception ex)
        {
            await pipe.CompleteAsync(ex);
            throw;
        }
    }

    private static async Task OpenIntoPipeAsync(Stream input, PipeWriter pipe, string passphrase, CancellationToken cancellationToken)
    {
        try
        {
            await using (var stream = pipe.AsStream(leaveOpen: true))
            {
                await BackupCipher.OpenAsync(input, stream, passphrase, cancellationToken);
            }

            await pipe.CompleteAsync();
        }
        catch (Exception ex)
        {
            await pipe.CompleteAsync(ex);
            throw;
        }
    }

    private static async Task<BackupManifest?> ExtractAsync(PipeReader pipe, string staging, CancellationToken cancellationToken)
    {
        BackupManifest? manifest = null;
        try
        {
            await using var stream = pipe.AsStream();
            await using var tar = new TarReader(stream);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType != TarEntryType.RegularFile || entry.DataStream is null)
                {
                    continue;
                }

                if (entry.Name == ManifestEntry)
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, cancellationToken: cancellationToken);
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(staging, entry.Name));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new BackupRefusedException($"Bản sao lưu có đường dẫn lạ: {entry.Name} / The backup names a path outside the data folder: {entry.Name}");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var created = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    // Keys stay owner-only after a restore, whatever the umask; nothing is ever group-writable.
                    created.UnixCreateMode = entry.Mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                }

                await using (var file = new FileStream(path, created))
                {
                    await entry.DataStream.CopyToAsync(file, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BackupRefusedException("Bản sao lưu bị hỏng / The backup is damaged: " + ex.Message);
        }

        return manifest;
    }

    private static bool IsLiveStoreFile(string name) =>
        name.StartsWith(DatabaseFile, StringComparison.Ordinal)
        || name.StartsWith("backup-snapshot-", StringComparison.Ordinal)
        || name.StartsWith("edge-damaged-", StringComparison.Ordinal);

    private static async Task<long> CountDossiersAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records WHERE type = 'dossier'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>What a backup says about itself, readable after it is opened.</summary>
public sealed record BackupManifest(string NodeId, DateTimeOffset CreatedAt, long Dossiers);

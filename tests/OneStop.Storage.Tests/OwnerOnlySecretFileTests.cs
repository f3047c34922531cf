namespace OneStop.Storage.Tests;

public sealed class OwnerOnlySecretFileTests
{
    [Fact]
    public void ReadOrCreate_NewFile_WritesTheSecretWithoutByteOrderMark()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-secret-").FullName;
        try
        {
            var path = Path.Combine(folder, "initial-admin-password");

            var (secret, created) = OwnerOnlySecretFile.ReadOrCreate(path, 9);

            // An installer reads the file with cat or copies it into a password field: a BOM would ride along.
            Assert.True(created);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(secret + Environment.NewLine, System.Text.Encoding.ASCII.GetString(bytes));
            Assert.NotEqual(0xEF, bytes[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

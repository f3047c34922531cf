using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Privacy;

namespace OneStop.Simulation;

/// <summary>Data keys of simulated stores: one per store, the same again when it reopens, as a key file would be.</summary>
public static class SimKeys
{
    public static PersonalDataCipher CipherOf(string owner) => new(SHA256.HashData(Encoding.UTF8.GetBytes("sim-data-key/" + owner)));
}

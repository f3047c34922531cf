using OneStop.Hardware.CardReader.Icao;

namespace OneStop.Hardware.Tests.Support;

/// <summary>Passes APDUs through and keeps the transcript as hex pairs (command, response).</summary>
public sealed class RecordingApduChannel(IApduChannel inner) : IApduChannel
{
    public List<(string Command, string Response)> Transcript { get; } = [];

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var response = inner.Transmit(command);
        Transcript.Add((Convert.ToHexString(command), Convert.ToHexString(response)));
        return response;
    }
}

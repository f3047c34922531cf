namespace OneStop.Hardware.Scanner;

public interface IQrScanner : IDevice
{
    /// <summary>Raised on a background thread for each complete code (terminated by CR/LF or Enter).</summary>
    event EventHandler<ScannedCode>? Scanned;
}

public sealed record ScannedCode(string Text, DateTimeOffset ScannedAt);

using OneStop.Protocol.Transport;

namespace OneStop.Protocol.Tests.Framing;

public sealed class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("Hồ", "H%E1%BB%93")]
    public void Encode_PercentEncodesOutsidePrintableAscii(string message, string expected) =>
        Assert.Equal(expected, GrpcStatusMessage.Encode(message));

    [Theory]
    [InlineData("Hồ sơ 100% bị từ chối\r\n")]
    [InlineData("emoji 🙂 and tab\t")]
    [InlineData("")]
    public void Decode_ReversesEncode(string message) =>
        Assert.Equal(message, GrpcStatusMessage.Decode(GrpcStatusMessage.Encode(message)));
}

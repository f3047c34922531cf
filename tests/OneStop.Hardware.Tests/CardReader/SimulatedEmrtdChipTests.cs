using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Icao;
using OneStop.Hardware.CardReader.Simulation;

namespace OneStop.Hardware.Tests.CardReader;

public class SimulatedEmrtdChipTests
{
    [Fact]
    public void Transmit_PlainSelectOfDg1_RefusedUntilBac()
    {
        var chip = SimulatedEmrtdChip.For(SimulatedIdCard.VietnameseSpecimen);
        chip.Transmit(Convert.FromHexString("00A4040C07A0000002471001"));

        var answer = chip.Transmit(Convert.FromHexString("00A4020C020101"));

        Assert.Equal("6982", Convert.ToHexString(answer));
    }

    [Fact]
    public void ReadIdCard_WrongMrz_AccessDenied()
    {
        var reader = new EmrtdReader(SimulatedEmrtdChip.For(SimulatedIdCard.VietnameseSpecimen));

        var error = Assert.Throws<CardException>(() => reader.ReadIdCard(new BacKey("090012345", "900517", "300518")));

        Assert.Equal(CardFailure.AccessDenied, error.Failure);
    }

    [Fact]
    public void ReadIdCard_SmallReadLength_ReadsFilesInManyChunks()
    {
        var chip = SimulatedEmrtdChip.For(SimulatedIdCard.VietnameseSpecimen);
        var reader = new EmrtdReader(chip, readLength: 16);

        var data = reader.ReadIdCard(SimulatedIdCard.VietnameseSpecimen.Key);

        Assert.Equal("Nguyễn Văn Mẫu", data.VietnameseDetails!.FullName);
        Assert.True(chip.CommandCount > 30);
    }

    [Fact]
    public void ReadIdCard_Dg13NotParseable_KeepsRawBytes()
    {
        var card = SimulatedIdCard.VietnameseSpecimen;
        var files = new Dictionary<ushort, byte[]>(card.ChipFiles()) { [LdsFiles.Dg13] = [0x6D, 0x03, 0x04, 0x05, 0x01] };
        var reader = new EmrtdReader(new SimulatedEmrtdChip(card.Key, files));

        var data = reader.ReadIdCard(card.Key);

        Assert.Null(data.VietnameseDetails);
        Assert.Equal("6D03040501", Convert.ToHexString(data.Dg13.Span));
    }
}

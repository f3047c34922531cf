using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Identity;
using OneStop.Edge.Devices;
using OneStop.Edge.Ui;
using OneStop.Hardware;
using OneStop.Hardware.CardReader;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Tests.Devices;

/// <summary>The desk's card port against the simulated reader, whose chip runs real BAC: a wrong key is refused by the chip.</summary>
public sealed class EdgeDeskIdCardTests : IDisposable
{
    // The specimen card's front QR as a scanner gives it (the card's DG13 says the same; its back says expiry 17/05/2030).
    private const string SpecimenQr = "001090012345|012345678|Nguyễn Văn Mẫu|17051990|Nam|Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội|17052021";

    private readonly DeviceSet _devices = DeviceSet.Create(new HardwareOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)));
    private readonly ScanInbox _scans;
    private readonly IdCardPresence _presence;

    public EdgeDeskIdCardTests()
    {
        _scans = new ScanInbox(_devices);
        _presence = new IdCardPresence(_devices);
    }

    [Fact]
    public async Task ReadAsync_QrScannedThenCardOnReader_ReadsTheChipIntoTheQrShape()
    {
        _devices.ScannerSimulator!.Inject(SpecimenQr);
        _devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        var read = await Port(DeskRoles.Volunteer).ReadAsync(null);

        Assert.Null(read.Failure);
        var card = Assert.IsType<CccdQrData>(read.Card);
        Assert.Equal(new CccdQrData("001090012345", "012345678", "Nguyễn Văn Mẫu", new DateOnly(1990, 5, 17), Sex.Male, "Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội", new DateOnly(2021, 5, 17)), card);
    }

    [Fact]
    public async Task ReadAsync_TypedKeyFromTheCardsBack_OpensWithoutAScan()
    {
        _devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        var read = await Port(DeskRoles.Staff).ReadAsync(CccdChipKey.For("001090012345", new DateOnly(1990, 5, 17), new DateOnly(2030, 5, 17)));

        Assert.Equal("Nguyễn Văn Mẫu", read.Card?.FullName);
    }

    [Fact]
    public async Task ReadAsync_TypedExpiryWrong_ChipRefuses()
    {
        _devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        var read = await Port(DeskRoles.Staff).ReadAsync(CccdChipKey.For("001090012345", new DateOnly(1990, 5, 17), new DateOnly(2031, 5, 17)));

        Assert.Equal(DeskIdCardFailure.Refused, read.Failure);
        Assert.Null(read.Card);
    }

    [Fact]
    public async Task ReadAsync_NothingScannedNorTyped_NoKey()
    {
        _devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        Assert.Equal(DeskIdCardFailure.NoKey, (await Port(DeskRoles.Staff).ReadAsync(null)).Failure);
    }

    [Fact]
    public async Task ReadAsync_NoCardOnReader_NoCard()
    {
        _devices.ScannerSimulator!.Inject(SpecimenQr);

        Assert.Equal(DeskIdCardFailure.NoCard, (await Port(DeskRoles.Staff).ReadAsync(null)).Failure);
    }

    [Fact]
    public async Task ReadAsync_SignedOut_Refused()
    {
        var anonymous = new EdgeDeskIdCard(_devices, _scans, _presence, new FixedUser(new ClaimsPrincipal(new ClaimsIdentity())));

        await Assert.ThrowsAsync<DeskForbiddenException>(() => anonymous.ReadAsync(null));
    }

    [Fact]
    public async Task OnCardPresented_CardInserted_WatcherCalledUntilDisposed()
    {
        var calls = 0;
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Port(DeskRoles.Staff).OnCardPresented(() =>
        {
            Interlocked.Increment(ref calls);
            called.TrySetResult();
            return Task.CompletedTask;
        });

        _devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(10));
        watch.Dispose();
        _devices.CardReaderSimulator.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        Assert.Equal(1, Volatile.Read(ref calls));
    }

    public void Dispose()
    {
        _presence.Dispose();
        _scans.Dispose();
        _devices.Dispose();
    }

    private EdgeDeskIdCard Port(string role) =>
        new(_devices, _scans, _presence, new FixedUser(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "chi.lan"), new Claim(ClaimTypes.Role, role)], "test"))));

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

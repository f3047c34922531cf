using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Core.Calendar;
using OneStop.Edge.Audit;
using OneStop.Hardware;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.Printer;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The device port over the node's <see cref="DeviceSet"/>; printing checks the role here, on the server.</summary>
public sealed class EdgeDeskDevices(DeviceSet devices, IIntakeDesk desk, ScanInbox scans, AuthenticationStateProvider authentication, Devices.PrinterPaper paper, Audit.EdgeAuditLog? audit = null) : IDeskDevices
{
    /// <summary>One press of "drain" takes a fifth of the charge: low battery (and the node's clean stop) comes within a few presses.</summary>
    private const double DefaultDrainPercent = 20;

    public async Task<IReadOnlyList<DeskDeviceStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.UseDevices);
        return [.. devices.All.Select(device =>
        {
            var health = device.ReadHealth();
            var simulated = device.GetType().Name.StartsWith("Simulated", StringComparison.Ordinal);
            return new DeskDeviceStatus(health.DeviceId, health.Kind, health.Connected, health.LastError, simulated, health.Details);
        })];
    }

    public async Task<DeskPrintResult> PrintSlipAsync(Guid dossierId, string statusUrl, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync(DeskAction.PrintSlip);
        var dossier = await desk.GetDossierAsync(dossierId, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {dossierId}.");
        if (dossier.ReceivedAt is not { } receivedAt || dossier.DueDate is not { } due)
        {
            return new DeskPrintResult(false, "not received");
        }

        var procedure = await desk.FindProcedureAsync(dossier.ProcedureCode, cancellationToken);
        var slip = AppointmentSlip(desk.Settings.OfficeNameVi, dossier, procedure?.NameVi, receivedAt, due, statusUrl);
        var result = await paper.PrintAsync(slip, cancellationToken);
        await audit.RecordAsync(user, AuditActions.Printed, dossierId.ToString(), result.Succeeded ? "slip" : "slip failed", cancellationToken);
        return new DeskPrintResult(result.Succeeded, result.Error);
    }

    /// <summary>
    /// The printed slip: the same code as the slip page and the public site (<see cref="DeskDossier.Code"/>: the random
    /// public code, or the id-based code of a dossier older than it), or the resident types a code nothing knows.
    /// </summary>
    public static ReceiptDocument AppointmentSlip(string officeName, DeskDossier dossier, string? procedureName, DateTimeOffset receivedAt, DateOnly due, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return ReceiptTemplates.AppointmentSlip(
            officeName,
            dossier.Code,
            dossier.ApplicantName,
            procedureName ?? dossier.ProcedureCode,
            receivedAt.ToOffset(AppointmentCalculator.VietnamOffset),
            new DateTimeOffset(due.ToDateTime(new TimeOnly(7, 30)), AppointmentCalculator.VietnamOffset),
            statusUrl);
    }

    public async Task<bool> SimulateAsync(DeviceSimulation action, string? value, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.UseDevices);
        var percent = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 0, 100) : (double?)null;
        switch (action)
        {
            case DeviceSimulation.ScanCode when devices.ScannerSimulator is { } scanner && !string.IsNullOrEmpty(value):
                scanner.Inject(value);
                return true;
            case DeviceSimulation.InsertIdCard when devices.CardReaderSimulator is { } reader:
                reader.InsertCard(SimulatedIdCard.VietnameseSpecimen);
                return true;
            case DeviceSimulation.RemoveIdCard when devices.CardReaderSimulator is { } reader:
                reader.RemoveCard();
                return true;
            case DeviceSimulation.SetBattery when devices.PowerSimulator is { } power && percent is { } level:
                power.SetBatteryPercent(level);
                return true;
            case DeviceSimulation.DrainBattery when devices.PowerSimulator is { } power:
                power.Drain(percent ?? DefaultDrainPercent);
                return true;
            case DeviceSimulation.PaperOut when devices.PrinterSimulator is { } printer:
                printer.SetPaperOut(true);
                return true;
            case DeviceSimulation.PaperIn when devices.PrinterSimulator is { } printer:
                printer.SetPaperOut(false);
                return true;
            default:
                return false;
        }
    }

    public async Task<string?> ReadLastScanAsync(CancellationToken cancellationToken = default)
    {
        // Whoever fills a form may use the scanner at their desk, volunteers included.
        await RequireAsync(DeskAction.SaveDraft);
        return scans.Last?.Text;
    }

    private Task<System.Security.Claims.ClaimsPrincipal> RequireAsync(DeskAction action) => authentication.RequireAsync(action);
}

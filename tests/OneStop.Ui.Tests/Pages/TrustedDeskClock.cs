using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>A clock the node trusts (hub time known, nothing to confirm): the pages' ordinary case.</summary>
internal sealed class TrustedDeskClock(DateTimeOffset now) : IDeskClock
{
    public DeskClockStatus Read() => new(Suspect: false, ConfirmationRequired: false, WallErrorMs: 0, now, Source: "hub", Reason: "none");
}

internal static class DeskClockServices
{
    /// <summary>The clock banner and the legal-date confirmation sit in the layout and the act forms: every page test needs them.</summary>
    public static BunitContext AddTrustedClock(this BunitContext context, DateTimeOffset now)
    {
        context.Services.AddSingleton<IDeskClock>(new TrustedDeskClock(now));
        context.Services.AddScoped<DeskLegalDate>();
        return context;
    }
}

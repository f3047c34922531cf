using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OneStop.Edge;

// Validators generated at build time from the options' DataAnnotations attributes: the same rules as
// ValidateDataAnnotations without its reflection over every property at start-up, which the runtime JIT-compiles
// on a half core before the first page (docs/performance.md, "Where the edge's start-up goes").
[OptionsValidator]
internal sealed partial class EdgeOptionsValidator : IValidateOptions<EdgeOptions>;

[OptionsValidator]
internal sealed partial class SyncOptionsValidator : IValidateOptions<Sync.SyncOptions>;

[OptionsValidator]
internal sealed partial class RepairOptionsValidator : IValidateOptions<Sync.RepairOptions>;

[OptionsValidator]
internal sealed partial class EnrolmentOptionsValidator : IValidateOptions<Enrolment.EnrolmentOptions>;

[OptionsValidator]
internal sealed partial class StoreHealthOptionsValidator : IValidateOptions<StoreHealth.StoreHealthOptions>;

[OptionsValidator]
internal sealed partial class DeviceOptionsValidator : IValidateOptions<Devices.DeviceOptions>;

[OptionsValidator]
internal sealed partial class ScanIntakeOptionsValidator : IValidateOptions<Attachments.Scans.ScanIntakeOptions>;

[OptionsValidator]
internal sealed partial class AttachmentFetchOptionsValidator : IValidateOptions<Attachments.AttachmentFetchOptions>;

[OptionsValidator]
internal sealed partial class ClockWatchOptionsValidator : IValidateOptions<Clock.ClockWatchOptions>;

[OptionsValidator]
internal sealed partial class EdgeUiOptionsValidator : IValidateOptions<Ui.EdgeUiOptions>;

internal static class GeneratedValidation
{
    /// <summary>Validates the options with <typeparamref name="TValidator"/>, a generated validator, in place of <c>ValidateDataAnnotations</c>.</summary>
    public static OptionsBuilder<TOptions> ValidateGenerated<TOptions, TValidator>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return options;
    }
}

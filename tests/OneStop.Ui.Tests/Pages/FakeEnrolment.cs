using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>The enrolment store as a test sets it: not enrolled unless told.</summary>
internal sealed class FakeEnrolment : IDeskEnrolment
{
    public DeskEnrolmentStatus Status { get; set; } = new(false, null, null, null, null, "03006");

    public Task<DeskEnrolmentStatus> StatusAsync(CancellationToken cancellationToken) => Task.FromResult(Status);

    public Task<DeskEnrolmentOutcome> EnrolAsync(string hubUrl, string token, CancellationToken cancellationToken) => throw new NotSupportedException();
}

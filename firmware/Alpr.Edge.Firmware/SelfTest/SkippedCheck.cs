namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>A check the operator asked to leave out (it neither passed nor failed).</summary>
/// <param name="Name">The check ("broker").</param>
/// <param name="Reason">Why it did not run ("--no-broker").</param>
internal sealed record SkippedCheck(string Name, string Reason);

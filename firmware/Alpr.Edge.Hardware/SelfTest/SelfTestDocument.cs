namespace Alpr.Edge.Hardware.SelfTest;

/// <summary>The <c>--json</c> form of a self-test run.</summary>
/// <param name="Passed">Whether every check passed.</param>
/// <param name="Checks">The checks in the order they ran.</param>
public sealed record SelfTestDocument(bool Passed, IReadOnlyList<SelfTestCheck> Checks);

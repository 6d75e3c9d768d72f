namespace Alpr.Edge.Bridge.Audit.Verification;

/// <summary>One thing wrong with the audit trail, where it is (the sequence number, when there is one) and what.</summary>
/// <param name="Sequence">The entry or checkpoint's sequence, if the problem has one.</param>
/// <param name="Message">What is wrong, one line, starting with where.</param>
public sealed record AuditProblem(long? Sequence, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

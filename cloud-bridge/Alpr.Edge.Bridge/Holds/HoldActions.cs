using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// Places, releases and lists legal holds for the command line and the API alike. Every hold placed or released
/// appends an audit-trail entry (<see cref="AuditedAction"/>) naming who, when and why, in the same call.
/// </summary>
public sealed class HoldActions
{
    /// <summary>Longest case number, name or reason accepted, in characters.</summary>
    public const int MaxTextLength = 500;

    private readonly ICentralStore _store;
    private readonly IAuditTrail _trail;
    private readonly TimeProvider _time;

    /// <summary>Actions on <paramref name="store"/>, audited in <paramref name="trail"/>, timed by <paramref name="time"/>.</summary>
    public HoldActions(ICentralStore store, IAuditTrail trail, TimeProvider time)
    {
        _store = store;
        _trail = trail;
        _time = time;
    }

    /// <summary>Places the hold <paramref name="request"/> describes; <paramref name="origin"/> is the caller's address (null on the command line).</summary>
    public async Task<HoldOutcome> PlaceAsync(HoldRequest request, string? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLong = TooLong(("case", request.CaseNumber), ("by", request.By), ("reason", request.Reason), ("plate", request.Plate), ("device", request.DeviceId));
        if (tooLong is not null)
        {
            return HoldOutcome.Failed(HoldFailure.Invalid, tooLong);
        }

        var now = _time.GetUtcNow();
        if (!LegalHold.TryCreate(
                request.CaseNumber ?? string.Empty,
                Blank(request.Plate),
                Blank(request.DeviceId),
                request.From,
                request.To,
                request.By?.Trim() ?? string.Empty,
                request.Reason?.Trim() ?? string.Empty,
                now,
                out var hold,
                out var error))
        {
            return HoldOutcome.Failed(HoldFailure.Invalid, error!);
        }

        await _store.PlaceHoldAsync(hold!, cancellationToken);
        await AuditAsync(AuditedAction.HoldPlaced, hold!, hold!.PlacedBy, hold.Reason, origin, cancellationToken);
        return HoldOutcome.Done(hold);
    }

    /// <summary>Releases hold <paramref name="id"/>; refused when it does not exist or was released before.</summary>
    public async Task<HoldOutcome> ReleaseAsync(Guid id, string? by, string? reason, string? origin, CancellationToken cancellationToken)
    {
        var missing = string.IsNullOrWhiteSpace(by) ? "by: required (who releases the hold)"
            : string.IsNullOrWhiteSpace(reason) ? "reason: required (why the hold is released)"
            : TooLong(("by", by), ("reason", reason));
        if (missing is not null)
        {
            return HoldOutcome.Failed(HoldFailure.Invalid, missing);
        }

        var hold = (await _store.GetHoldsAsync(cancellationToken)).FirstOrDefault(h => h.Id == id);
        if (hold is null)
        {
            return HoldOutcome.Failed(HoldFailure.NotFound, $"no hold {id}; 'alpr-bridge holds list' shows them");
        }

        if (hold.ReleasedAt is { } releasedAt)
        {
            return HoldOutcome.Failed(HoldFailure.AlreadyReleased, $"hold {id} (case {hold.CaseNumber}) was already released by {hold.ReleasedBy} at {releasedAt:O}");
        }

        var now = _time.GetUtcNow();
        if (!await _store.ReleaseHoldAsync(id, by!.Trim(), now, cancellationToken))
        {
            return HoldOutcome.Failed(HoldFailure.AlreadyReleased, $"hold {id} was released meanwhile");
        }

        var released = hold with { ReleasedBy = by.Trim(), ReleasedAt = now };
        await AuditAsync(AuditedAction.HoldReleased, released, released.ReleasedBy!, reason!.Trim(), origin, cancellationToken);
        return HoldOutcome.Done(released);
    }

    /// <summary>Every hold, newest placed first; only those of <paramref name="caseNumber"/> when it is given.</summary>
    public async Task<IReadOnlyList<LegalHold>> ListAsync(string? caseNumber, CancellationToken cancellationToken)
    {
        var holds = await _store.GetHoldsAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(caseNumber) ? holds : [.. holds.Where(h => h.CaseNumber == caseNumber.Trim())];
    }

    private Task AuditAsync(string action, LegalHold hold, string by, string reason, string? origin, CancellationToken cancellationToken) =>
        _trail.AppendAsync(
            new AuditEvent(by, null, origin, action, "ok", reason, hold.CaseNumber, $"holds/{hold.Id}", Selection(hold)),
            cancellationToken);

    private static string Selection(LegalHold hold) =>
        string.Join(' ', new[]
        {
            hold.Plate is null ? null : $"plate={hold.Plate}",
            hold.DeviceId is null ? null : $"device={hold.DeviceId}",
            hold.From is { } from ? $"from={from.UtcDateTime:O}" : null,
            hold.To is { } to ? $"to={to.UtcDateTime:O}" : null,
        }.Where(p => p is not null));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? TooLong(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value?.Length > MaxTextLength).Select(f => $"{f.Name}: longer than {MaxTextLength} characters").FirstOrDefault();
}

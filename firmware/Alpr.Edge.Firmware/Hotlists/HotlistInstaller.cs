using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Matching;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// Verifies a signed bundle, compiles it, saves it as the last good one and swaps it in; refusals are logged with
/// their reason and raised as <see cref="DeviceEventKinds.HotlistRejected"/>, installs as
/// <see cref="DeviceEventKinds.HotlistInstalled"/>. One bundle at a time; the work runs on the thread pool, never
/// on the recognition path. Never throws for a bad bundle.
/// </summary>
public sealed class HotlistInstaller : IDisposable
{
    private readonly InstalledHotlists _installed;
    private readonly HotlistBundleVerifier _verifier;
    private readonly LastGoodBundleFile _lastGood;
    private readonly IDeviceEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger<HotlistInstaller> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates the installer.</summary>
    public HotlistInstaller(
        InstalledHotlists installed,
        HotlistBundleVerifier verifier,
        LastGoodBundleFile lastGood,
        IDeviceEvents events,
        TimeProvider time,
        ILogger<HotlistInstaller> logger)
    {
        _installed = installed;
        _verifier = verifier;
        _lastGood = lastGood;
        _events = events;
        _time = time;
        _logger = logger;
    }

    /// <summary>Verifies and installs <paramref name="bundle"/> received from <paramref name="origin"/> (a topic or file), saving it as the last good one.</summary>
    public async Task<HotlistInstallResult> InstallAsync(ReadOnlyMemory<byte> bundle, string origin, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Install(bundle.Span, origin, save: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Installs the saved last good bundle, if any (at start-up, before any reads); returns null when there is none.</summary>
    public HotlistInstallResult? RestoreLastGood()
    {
        byte[]? bundle;
        try
        {
            bundle = _lastGood.Read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Reject(_lastGood.Path, BundleRejectionReason.Malformed, $"cannot be read: {ex.Message}", null, 0);
        }

        return bundle is null ? null : Install(bundle, _lastGood.Path, save: false);
    }

    /// <inheritdoc/>
    public void Dispose() => _oneAtATime.Dispose();

    private HotlistInstallResult Install(ReadOnlySpan<byte> bundle, string origin, bool save)
    {
        try
        {
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bundle));
            if (sha256 == _installed.Current.BundleSha256)
            {
                HotlistLog.SameBundle(_logger, origin, _installed.Version);
                return new HotlistInstallResult(false, BundleRejectionReason.AlreadyRunning, "the same bundle runs already");
            }

            var verification = _verifier.Verify(bundle, _installed.Version);
            if (verification.Reason == BundleRejectionReason.AlreadyRunning)
            {
                HotlistLog.AlreadyRunning(_logger, origin, verification.Message);
                return new HotlistInstallResult(false, verification.Reason, verification.Message);
            }

            if (!verification.IsAccepted)
            {
                return Reject(origin, verification.Reason!.Value, verification.Message, verification.KeyId, bundle.Length);
            }

            var document = verification.Document!;
            var watch = Stopwatch.StartNew();
            var compiled = CompiledHotlist.Build(document.Entries, new HotlistInfo(document.ListVersion, document.IssuedAt, document.Issuer, "bundle"), _time.GetUtcNow());
            var compileMs = watch.ElapsedMilliseconds;
            var saved = !save || Save(bundle, document.ListVersion);
            _installed.InstallBundle(compiled, sha256);
            HotlistLog.Installed(_logger, compiled.Info.Version, origin, compiled.Count, compiled.PatternCount, compiled.DroppedExpired, document.IssuedAt, document.Issuer, verification.KeyId, compileMs);
            _events.Raise(
                DeviceEventKinds.HotlistInstalled,
                saved ? "info" : "warning",
                $"hot list version {document.ListVersion} installed: {compiled.Count} entries" + (saved ? string.Empty : " (not saved: a restart runs the previous version)"),
                new Dictionary<string, string>
                {
                    ["version"] = document.ListVersion.ToString(CultureInfo.InvariantCulture),
                    ["entries"] = compiled.Count.ToString(CultureInfo.InvariantCulture),
                    ["patterns"] = compiled.PatternCount.ToString(CultureInfo.InvariantCulture),
                    ["issuer"] = document.Issuer,
                    ["issuedAt"] = document.IssuedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["keyId"] = verification.KeyId ?? string.Empty,
                    ["saved"] = saved ? "true" : "false",
                });
            return new HotlistInstallResult(true, null, verification.Message);
        }
        catch (ArgumentException ex)
        {
            HotlistLog.InstallFailed(_logger, ex, origin);
            return Reject(origin, BundleRejectionReason.InvalidContent, $"could not be compiled: {ex.Message}", null, bundle.Length);
        }
    }

    private bool Save(ReadOnlySpan<byte> bundle, long version)
    {
        try
        {
            _lastGood.Write(bundle);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            HotlistLog.NotSaved(_logger, ex, version, _lastGood.Path);
            return false;
        }
    }

    private HotlistInstallResult Reject(string origin, BundleRejectionReason reason, string message, string? keyId, int bytes)
    {
        HotlistLog.Rejected(_logger, origin, reason, message);
        var trust = reason is BundleRejectionReason.NotSigned or BundleRejectionReason.UnknownKey or BundleRejectionReason.BadSignature;
        _events.Raise(
            DeviceEventKinds.HotlistRejected,
            trust ? "alarm" : "warning",
            $"hot-list bundle rejected ({ReasonName(reason)}): {message}; the running list (version {_installed.Version}) stays",
            new Dictionary<string, string>
            {
                ["reason"] = ReasonName(reason),
                ["origin"] = origin,
                ["bytes"] = bytes.ToString(CultureInfo.InvariantCulture),
                ["keyId"] = keyId ?? string.Empty,
                ["runningVersion"] = _installed.Version.ToString(CultureInfo.InvariantCulture),
            });
        return new HotlistInstallResult(false, reason, message);
    }

    /// <summary>The reason in kebab case, as events carry it (<c>bad-signature</c>).</summary>
    internal static string ReasonName(BundleRejectionReason reason) => reason switch
    {
        BundleRejectionReason.Oversized => "oversized",
        BundleRejectionReason.Malformed => "malformed",
        BundleRejectionReason.WrongSchema => "wrong-schema",
        BundleRejectionReason.NotSigned => "not-signed",
        BundleRejectionReason.UnknownKey => "unknown-key",
        BundleRejectionReason.BadSignature => "bad-signature",
        BundleRejectionReason.InvalidContent => "invalid-content",
        BundleRejectionReason.Rollback => "rollback",
        _ => "already-running",
    };
}

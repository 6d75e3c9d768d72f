using System.Security.Cryptography;
using Alpr.Edge.Hotlists.Bundles;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Checks <see cref="HotlistOptions"/> at start-up; each failure names the key and the fix.</summary>
internal sealed class HotlistOptionsValidator : IValidateOptions<HotlistOptions>
{
    /// <summary>Smallest <see cref="HotlistOptions.MaxBundleBytes"/> that makes sense.</summary>
    public const int MinBundleBytes = 4096;

    public ValidateOptionsResult Validate(string? name, HotlistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBundleBytes < MinBundleBytes)
        {
            failures.Add($"Hotlists:MaxBundleBytes {options.MaxBundleBytes} is below {MinBundleBytes}; set it to the largest bundle the bridge sends (default {128 * 1024 * 1024})");
        }

        for (var i = 0; i < options.TrustedKeyFiles.Length; i++)
        {
            if (KeyFileProblem(options.TrustedKeyFiles[i]) is { } problem)
            {
                failures.Add($"Hotlists:TrustedKeyFiles:{i} {problem}; copy the bridge's hotlist-signing.pub.pem (alpr-bridge hotlist keygen) to the device and name it here");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Null when <paramref name="path"/> holds a P-256 public key PEM, else why not.</summary>
    internal static string? KeyFileProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return $"'{path}' does not exist";
        }

        try
        {
            SigningKeys.ReadPublicKeyPem(File.ReadAllText(path));
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"'{path}' is not a P-256 public key PEM ({ex.Message})";
        }
    }
}

using System.Text.Json;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>Reads a <c>--config</c> JSON file into <see cref="BridgeOptions"/>; keys are the options' names in camelCase.</summary>
public static class BridgeConfigFile
{
    /// <summary>Loads <paramref name="path"/>; on failure returns false with a one-line reason that names the file and key.</summary>
    public static bool TryLoad(string path, out BridgeOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        options = new BridgeOptions();
        if (!File.Exists(path))
        {
            error = $"config file '{path}' not found";
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var loaded = JsonSerializer.Deserialize(stream, BridgeConfigJson.Default.BridgeOptions);
            if (loaded is null)
            {
                error = $"config file '{path}': expected a JSON object";
                return false;
            }

            options = loaded;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"config file '{path}': {Describe(ex)}";
            return false;
        }
        catch (IOException ex)
        {
            error = $"config file '{path}': {ex.Message}";
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            error = $"config file '{path}': {ex.Message}";
            return false;
        }
    }

    private static string Describe(JsonException ex)
    {
        var key = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : ex.Path;
        var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown key '{key}'{where}; known keys: dataDirectory, urls, webCertificateFile, webKeyFile, embeddedBrokerPort, broker, caFile, clientCertificateFile, clientKeyFile, clientId, sharedSubscriptionGroup, "
                + "sessionExpiry, connectTimeout, operationTimeout, reconnectDelayMin, reconnectDelayMax, connectionCheckInterval, maxInFlight, transferAlertAfter, transferCheckEvery, storage (provider, connectionString, passwordFile), retention (readsKeptFor, purgeEvery), purposes ([{ name, requiresCase }]), agencyOri";
        }

        return key is null or "$"
            ? $"not valid JSON{where}"
            : $"bad value for '{key}'{where}; durations are written \"00:00:10\", ports as numbers";
    }
}

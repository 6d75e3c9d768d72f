using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>
/// Refuses a config file with a key the firmware does not know (a misspelt key would otherwise be
/// silently ignored), naming the key and what it could have been. <c>Logging</c> is free-form.
/// </summary>
public static class ConfigFileCheck
{
    private const string LoggingSection = "Logging";

    private static readonly FrozenDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [DeviceOptions.SectionName] = typeof(DeviceOptions),
        [CaptureOptions.SectionName] = typeof(CaptureOptions),
        [PipelineOptions.SectionName] = typeof(PipelineOptions),
        [TrackingOptions.SectionName] = typeof(TrackingOptions),
        [HotlistOptions.SectionName] = typeof(HotlistOptions),
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [UplinkOptions.SectionName] = typeof(UplinkOptions),
        [RecognitionOptions.SectionName] = typeof(RecognitionOptions),
        [HardwareOptions.SectionName] = typeof(HardwareOptions),
        [Evidence.EvidenceOptions.SectionName] = typeof(Evidence.EvidenceOptions),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="FirmwareConfigurationException"/> when the file is missing, not JSON, or holds an unknown key.</summary>
    public static void Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FirmwareConfigurationException($"config file '{path}' does not exist (--config FILE)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FirmwareConfigurationException($"config file '{path}' is not valid JSON: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FirmwareConfigurationException($"config file '{path}' cannot be read: {ex.Message}", ex);
        }

        using (document)
        {
            CheckRoot(path, document.RootElement);
        }
    }

    private static void CheckRoot(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FirmwareConfigurationException($"config file '{path}' must hold a JSON object of sections");
        }

        foreach (var section in root.EnumerateObject())
        {
            if (string.Equals(section.Name, LoggingSection, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Sections.TryGetValue(section.Name, out var type))
            {
                var known = string.Join(", ", Sections.Keys.Append(LoggingSection).Order(StringComparer.Ordinal));
                throw new FirmwareConfigurationException($"config file '{path}': unknown key '{section.Name}'; remove it or use one of the sections {known}");
            }

            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FirmwareConfigurationException($"config file '{path}': '{section.Name}' must be an object of settings");
            }

            var keys = KeysOf(type).ToList();
            foreach (var setting in section.Value.EnumerateObject())
            {
                if (!keys.Contains(setting.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new FirmwareConfigurationException(
                        $"config file '{path}': unknown key '{section.Name}:{setting.Name}'; remove it or use one of {string.Join(", ", keys)}");
                }

                if (setting.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    throw new FirmwareConfigurationException($"config file '{path}': '{section.Name}:{setting.Name}' must be a single value");
                }
            }
        }
    }

    private static IEnumerable<string> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
}

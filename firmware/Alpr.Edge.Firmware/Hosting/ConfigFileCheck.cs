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

            CheckObject(path, section.Value, type, section.Name);
        }
    }

    /// <summary>Checks the settings of <paramref name="element"/> against the public properties of <paramref name="type"/>, recursing into nested settings and lists.</summary>
    private static void CheckObject(string path, JsonElement element, Type type, string key)
    {
        var properties = KeysOf(type).ToList();
        foreach (var setting in element.EnumerateObject())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, setting.Name, StringComparison.OrdinalIgnoreCase));
            var name = $"{key}:{setting.Name}";
            if (property is null)
            {
                throw new FirmwareConfigurationException(
                    $"config file '{path}': unknown key '{name}'; remove it or use one of {string.Join(", ", properties.Select(p => p.Name))}");
            }

            CheckValue(path, setting.Value, property.PropertyType, name);
        }
    }

    private static void CheckValue(string path, JsonElement value, Type type, string key)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (IsScalar(type))
        {
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                throw new FirmwareConfigurationException($"config file '{path}': '{key}' must be a single value");
            }

            return;
        }

        if (DictionaryValueTypeOf(type) is { } entries)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new FirmwareConfigurationException($"config file '{path}': '{key}' must be an object of named entries");
            }

            foreach (var entry in value.EnumerateObject())
            {
                CheckValue(path, entry.Value, entries, $"{key}:{entry.Name}");
            }

            return;
        }

        if (ElementTypeOf(type) is { } element)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new FirmwareConfigurationException($"config file '{path}': '{key}' must be a list ([ ... ])");
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(path, item, element, $"{key}:{index++}");
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FirmwareConfigurationException($"config file '{path}': '{key}' must be an object of settings");
        }

        CheckObject(path, value, type, key);
    }

    /// <summary>Values the configuration binder reads from one string.</summary>
    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime)
            || underlying == typeof(Guid) || underlying == typeof(Uri) || underlying == typeof(TimeOnly) || underlying == typeof(DateOnly);
    }

    /// <summary>The value type of a dictionary keyed by name, or null when <paramref name="type"/> is not one.</summary>
    private static Type? DictionaryValueTypeOf(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    /// <summary>The element type of an array or list setting, or null when <paramref name="type"/> is not one.</summary>
    private static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? element
            : null;
    }

    private static IEnumerable<PropertyInfo> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || !IsScalar(p.PropertyType));
}

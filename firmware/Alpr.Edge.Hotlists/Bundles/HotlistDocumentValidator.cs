using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>Checks a document's metadata and entries; the bridge runs it before signing, the device after verifying.</summary>
public static class HotlistDocumentValidator
{
    /// <summary>Null when <paramref name="document"/> is valid, else a one-line reason naming the entry.</summary>
    public static string? Problem(HotlistDocument document, HotlistBundleLimits limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        if (document.Schema != HotlistDocument.CurrentSchema)
        {
            return $"schema '{document.Schema}' is not {HotlistDocument.CurrentSchema}";
        }

        if (document.ListVersion <= 0)
        {
            return $"listVersion {document.ListVersion} must be positive";
        }

        if (string.IsNullOrWhiteSpace(document.Issuer) || document.Issuer.Length > HotlistEntryValidator.MaxFieldBytes)
        {
            return $"issuer must be 1-{HotlistEntryValidator.MaxFieldBytes} characters";
        }

        if (document.Entries.Count > limits.MaxEntries)
        {
            return $"{document.Entries.Count} entries exceed the limit of {limits.MaxEntries}";
        }

        var ids = new HashSet<string>(document.Entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var entry = document.Entries[i];
            if (entry is null)
            {
                return $"entry {i + 1} is null";
            }

            if (HotlistEntryValidator.Problem(entry) is { } problem)
            {
                return $"entry {i + 1} ({entry.Id}): {problem}";
            }

            if (!ids.Add(entry.Id))
            {
                return $"entry {i + 1}: id '{entry.Id}' appears twice";
            }
        }

        return null;
    }
}

using System.Text;
using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Entries in columns instead of one object each, so a million fit in about 60 bytes apiece: the per-entry texts
/// (id, plate, case, CLETS reference) as UTF-8 in one array, the shared fields as an <see cref="EntryProfile"/>
/// index, start and expiry as UTC ticks. An entry becomes a <see cref="HotlistEntry"/> again only when it hits.
/// </summary>
internal sealed class EntryTable
{
    private const int TextsPerEntry = 4;
    private const int IdText = 0;
    private const int PlateText = 1;
    private const int CaseText = 2;
    private const int CletsText = 3;

    private readonly byte[] _text;
    private readonly int[] _textStarts;
    private readonly byte[] _textLengths;
    private readonly int[] _profileOf;
    private readonly EntryProfile[] _profiles;
    private readonly long[] _startTicks;
    private readonly long[] _expiryTicks;

    /// <summary>Packs <paramref name="entries"/> in the given order.</summary>
    public EntryTable(IReadOnlyList<HotlistEntry> entries)
    {
        var count = entries.Count;
        _textStarts = new int[count];
        _textLengths = new byte[count * TextsPerEntry];
        _profileOf = new int[count];
        _startTicks = new long[count];
        _expiryTicks = new long[count];
        var profiles = new Dictionary<EntryProfile, int>();
        var total = 0L;
        foreach (var entry in entries)
        {
            total += ByteCount(entry.Id) + ByteCount(entry.Plate) + ByteCount(entry.CaseNumber) + ByteCount(entry.CletsReference);
        }

        // Sized exactly up front: growing a list of a million entries' texts would copy it over and over.
        _text = new byte[total];
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var entry = entries[i];
            _textStarts[i] = used;
            used += Append(entry.Id, used, i, IdText);
            used += Append(entry.Plate, used, i, PlateText);
            used += Append(entry.CaseNumber, used, i, CaseText);
            used += Append(entry.CletsReference, used, i, CletsText);
            var profile = new EntryProfile(entry.ListName, entry.Category, entry.IssuingState, entry.EnteredBy, entry.DetailsFromClets, entry.Strictness, entry.MinScore);
            if (!profiles.TryGetValue(profile, out var index))
            {
                index = profiles.Count;
                profiles.Add(profile, index);
            }

            _profileOf[i] = index;
            _startTicks[i] = entry.StartsAt?.UtcTicks ?? long.MinValue;
            _expiryTicks[i] = entry.ExpiresAt?.UtcTicks ?? long.MaxValue;
        }

        _profiles = new EntryProfile[profiles.Count];
        foreach (var (profile, index) in profiles)
        {
            _profiles[index] = profile;
        }
    }

    /// <summary>Number of entries.</summary>
    public int Count => _profileOf.Length;

    /// <summary>Managed bytes held by the columns (profiles not counted: there are few).</summary>
    public long Bytes => _text.Length + (_textStarts.Length * 4L) + _textLengths.Length + (_profileOf.Length * 4L) + (_startTicks.Length * 16L);

    /// <summary>The entry's plate or pattern as ASCII.</summary>
    public ReadOnlySpan<byte> Plate(int index) => Text(index, PlateText);

    /// <summary>The entry's shared fields.</summary>
    public EntryProfile Profile(int index) => _profiles[_profileOf[index]];

    /// <summary>True when the entry applies at <paramref name="utcTicks"/>.</summary>
    public bool IsActive(int index, long utcTicks) => _startTicks[index] <= utcTicks && utcTicks < _expiryTicks[index];

    /// <summary>The entry as a record again.</summary>
    public HotlistEntry Materialize(int index)
    {
        var profile = Profile(index);
        return new HotlistEntry
        {
            Id = Encoding.UTF8.GetString(Text(index, IdText)),
            Plate = Encoding.ASCII.GetString(Plate(index)),
            ListName = profile.ListName,
            Category = profile.Category,
            IssuingState = profile.IssuingState,
            EnteredBy = profile.EnteredBy,
            DetailsFromClets = profile.DetailsFromClets,
            Strictness = profile.Strictness,
            MinScore = profile.MinScore,
            CaseNumber = OptionalText(index, CaseText),
            CletsReference = OptionalText(index, CletsText),
            StartsAt = _startTicks[index] == long.MinValue ? null : new DateTimeOffset(_startTicks[index], TimeSpan.Zero),
            ExpiresAt = _expiryTicks[index] == long.MaxValue ? null : new DateTimeOffset(_expiryTicks[index], TimeSpan.Zero),
        };
    }

    private static int ByteCount(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value);

    /// <summary>Writes a field at <paramref name="at"/> and returns its length.</summary>
    private int Append(string? value, int at, int index, int slot)
    {
        // A null field is stored with length 255 so it reads back as null rather than empty (validated fields are shorter).
        if (value is null)
        {
            _textLengths[(index * TextsPerEntry) + slot] = byte.MaxValue;
            return 0;
        }

        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(at));
        _textLengths[(index * TextsPerEntry) + slot] = length < byte.MaxValue
            ? (byte)length
            : throw new ArgumentException($"a field of entry {index} is {length} bytes; fields are limited to {byte.MaxValue - 1}", nameof(value));
        return length;
    }

    private ReadOnlySpan<byte> Text(int index, int slot)
    {
        var start = _textStarts[index];
        var lengths = _textLengths.AsSpan(index * TextsPerEntry, TextsPerEntry);
        for (var i = 0; i < slot; i++)
        {
            start += lengths[i] == byte.MaxValue ? 0 : lengths[i];
        }

        return lengths[slot] == byte.MaxValue ? [] : _text.AsSpan(start, lengths[slot]);
    }

    private string? OptionalText(int index, int slot) =>
        _textLengths[(index * TextsPerEntry) + slot] == byte.MaxValue ? null : Encoding.UTF8.GetString(Text(index, slot));
}

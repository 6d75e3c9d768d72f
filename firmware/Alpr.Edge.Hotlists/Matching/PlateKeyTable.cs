using System.Numerics;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Finds the run of entries with a given canonical key in a key-sorted range of the entry table: an open-addressing
/// hash table (key to first index), screened by a bit filter 16 times larger than the key count so that a key that
/// is absent (most probes) is usually answered from that filter alone.
/// </summary>
internal sealed class PlateKeyTable
{
    private const ulong SlotMultiplier = 0x9E3779B97F4A7C15;
    private const ulong FilterMultiplier = 0xC2B2AE3D27D4EB4F;

    private readonly ulong[] _sortedKeys;
    private readonly int _offset;
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotStarts;
    private readonly int _slotShift;
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    /// <summary>
    /// Builds the table over keys sorted ascending (equal keys adjacent; never 0) of the entries that start at
    /// <paramref name="offset"/> in the entry table.
    /// </summary>
    public PlateKeyTable(ulong[] sortedKeys, int offset)
    {
        _sortedKeys = sortedKeys;
        _offset = offset;
        var distinct = 0;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            if (i == 0 || sortedKeys[i] != sortedKeys[i - 1])
            {
                distinct++;
            }
        }

        var slotBits = Math.Max(4, BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, distinct * 2))));
        _slotShift = 64 - slotBits;
        _slotKeys = new ulong[1 << slotBits];
        _slotStarts = new int[1 << slotBits];
        var filterBits = Math.Max(6, slotBits + 3);
        _filterShift = 64 - filterBits;
        _filter = new ulong[(1 << filterBits) / 64];
        var mask = _slotKeys.Length - 1;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            var key = sortedKeys[i];
            if (i > 0 && key == sortedKeys[i - 1])
            {
                continue;
            }

            var slot = (int)((key * SlotMultiplier) >> _slotShift);
            while (_slotKeys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slotKeys[slot] = key;
            _slotStarts[slot] = i;
            var bit = (key * FilterMultiplier) >> _filterShift;
            _filter[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>Managed bytes held by the table and the key array.</summary>
    public long Bytes => (_sortedKeys.Length * 8L) + (_slotKeys.Length * 12L) + (_filter.Length * 8L);

    /// <summary>Number of keys (entries) in the table.</summary>
    public int Count => _sortedKeys.Length;

    /// <summary>The entry index of the first entry with <paramref name="key"/>, or -1.</summary>
    public int Find(ulong key)
    {
        var bit = (key * FilterMultiplier) >> _filterShift;
        if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
        {
            return -1;
        }

        var mask = _slotKeys.Length - 1;
        var slot = (int)((key * SlotMultiplier) >> _slotShift);
        while (true)
        {
            var found = _slotKeys[slot];
            if (found == key)
            {
                return _offset + _slotStarts[slot];
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>True when the entry at <paramref name="index"/> has <paramref name="key"/> (to walk a run).</summary>
    public bool KeyAt(int index, ulong key) => index - _offset < _sortedKeys.Length && _sortedKeys[index - _offset] == key;
}

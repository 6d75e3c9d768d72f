using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>The fields many entries share (list, category, state, user, rules), stored once per distinct combination.</summary>
internal sealed record EntryProfile(
    string ListName,
    string Category,
    string? IssuingState,
    string? EnteredBy,
    bool DetailsFromClets,
    MatchStrictness Strictness,
    double MinScore);

namespace Alpr.Edge.Bridge.Web;

/// <summary>One page of search results, newest captured first.</summary>
/// <typeparam name="T">A stored read or hit.</typeparam>
/// <param name="Items">The results on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Most results a page holds.</param>
/// <param name="HasMore">Whether a further page has results.</param>
public sealed record SearchPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

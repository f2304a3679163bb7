namespace Sanus.Web.Components.Shared;

/// <summary>An existing record that a create may duplicate, as the duplicate warning lists it (CO-2, CT-3).</summary>
public sealed record DuplicateCandidate(string Href, string Name, string Description, string MatchedOn);

/// <summary>One field of a record whose stored value differs from what the user typed (REC-2 conflict view).</summary>
public sealed record FieldDifference(string Label, string? Theirs, string? Yours);

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>A run of words a draft keeps, removes or adds compared with the published text.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

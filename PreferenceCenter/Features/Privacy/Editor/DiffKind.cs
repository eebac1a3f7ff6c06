namespace PreferenceCenter.Features.Privacy.Editor;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

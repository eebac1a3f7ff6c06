namespace PreferenceCenter.Features.Unsubscribe;

/// <summary>The <c>done</c> query values the unsubscribe page reports, beyond the <see cref="UnsubscribeChoice"/> names.</summary>
public static class UnsubscribeDone
{
    public const string Reason = "Reason";
    public const string Conflict = "Conflict";
    public const string AlreadyLeast = "AlreadyLeast";
    public const string Undone = "Undone";
    public const string UndoTooLate = "UndoTooLate";
    public const string NothingToUndo = "NothingToUndo";

    public static bool IsKnown(string? done) =>
        done is Reason or Conflict or AlreadyLeast or Undone or UndoTooLate or NothingToUndo || Enum.TryParse<UnsubscribeChoice>(done, out var choice) && Enum.IsDefined(choice) && !int.TryParse(done, out _);
}

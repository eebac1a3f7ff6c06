namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>Saved (with the question's id) or not, with every problem found.</summary>
public sealed record QuestionSaveResult(int? Id, IReadOnlyList<QuestionProblem> Problems)
{
    public bool Saved => Problems.Count == 0;
}

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// One thing wrong with a question form. <see cref="Field"/> names the input it belongs next to:
/// <c>Type</c>, <c>Purpose</c>, <c>MaxLength</c>, <c>Prompt.it</c>, <c>WhyWeAsk.es</c>, <c>Options</c>, <c>Option.2.en</c>.
/// </summary>
public sealed record QuestionProblem(string Field, QuestionProblemCode Code, int? Limit = null);

namespace PreferenceCenter.Features.MyData;

/// <summary>A preference answer: the question as asked, the purpose it serves, and what the customer said.</summary>
public sealed record AnswerRecord(string QuestionKey, string Question, string PurposeKey, IReadOnlyList<string> Answer, DateTimeOffset AnsweredAt, bool InUse);

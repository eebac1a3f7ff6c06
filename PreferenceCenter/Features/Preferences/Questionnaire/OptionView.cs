namespace PreferenceCenter.Features.Preferences.Questionnaire;

public sealed record OptionView(string Key, string Label);

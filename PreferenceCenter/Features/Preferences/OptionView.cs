namespace PreferenceCenter.Features.Preferences;

public sealed record OptionView(string Key, string Label);

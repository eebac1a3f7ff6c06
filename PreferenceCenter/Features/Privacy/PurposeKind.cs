namespace PreferenceCenter.Features.Privacy;

public enum PurposeKind
{
    Service = 1,
    Marketing = 2,
    Profiling = 3,
    Sharing = 4,
}

using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Fixed personal-data keys for tests (never used outside them), as settings and as decoded keys.</summary>
public static class TestKeys
{
    public static readonly IReadOnlyList<(string Name, string Value)> Settings =
    [
        ("PersonalData:MasterKey", "ZRMFhYLCYCN4PmHsOFhRX0VAwYUN2WXcl09Ob+bYUV0="),
        ("PersonalData:BlindIndexKey", "N9WMrjAx2vgEb/VZQzqp0nCVq+gvU3+zqAQ+co3vKeE="),
        ("PersonalData:SuppressionKey", "bG591UPSemM8B0hkTZWdof+WrezXxfevai0floLhrMc="),
    ];

    public static PersonalDataKeys Keys { get; } = PersonalDataKeys.From(new PersonalDataOptions
    {
        MasterKey = Settings[0].Value,
        BlindIndexKey = Settings[1].Value,
        SuppressionKey = Settings[2].Value,
    });
}

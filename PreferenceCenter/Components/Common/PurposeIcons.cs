namespace PreferenceCenter.Components.Common;

/// <summary>Maps the icon names stored on purposes to MudBlazor's Material icons.</summary>
public static class PurposeIcons
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ReceiptLong"] = MudBlazor.Icons.Material.Outlined.ReceiptLong,
        ["Campaign"] = MudBlazor.Icons.Material.Outlined.Campaign,
        ["Insights"] = MudBlazor.Icons.Material.Outlined.Insights,
        ["Share"] = MudBlazor.Icons.Material.Outlined.Share,
    };

    public static string For(string name) =>
        Known.TryGetValue(name, out var icon) ? icon : MudBlazor.Icons.Material.Outlined.Info;
}

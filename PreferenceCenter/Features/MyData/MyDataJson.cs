using System.Text.Json;

namespace PreferenceCenter.Features.MyData;

/// <summary>The download's bytes: camelCase JSON, indented so a person can read the file too.</summary>
public static class MyDataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Serialize(MyDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, Options);
}

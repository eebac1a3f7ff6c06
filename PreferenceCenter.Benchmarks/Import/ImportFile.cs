using System.Text;

namespace PreferenceCenter.Benchmarks.Import;

/// <summary>A CSV import file of new addresses, one consent each on the channels that need no double opt-in.</summary>
public static class ImportFile
{
    public const string Header = "email,purpose,channel,state,captured_at,source,collection_point,notice_version";

    private static readonly string[] Channels = ["sms", "push", "post", "phone"];

    public static byte[] Create(int rows, string tag)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            text.Append("bench-").Append(tag).Append('-').Append(i).Append("@example.com,marketing,").Append(Channels[i % Channels.Length])
                .Append(",granted,2025-03-14T09:30:00Z,old CRM,newsletter form,1\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Email(string tag, int i) => $"bench-{tag}-{i}@example.com";

    public static string Channel(int i) => Channels[i % Channels.Length];
}

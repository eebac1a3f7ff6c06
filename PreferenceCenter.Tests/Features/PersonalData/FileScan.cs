using System.Text;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// Reads database files byte by byte, as someone with a copy of the disk would, and reports which secrets appear
/// in them, as UTF-8 or UTF-16 (SQLite stores text in either encoding).
/// </summary>
public static class FileScan
{
    /// <summary>Every (secret, file, encoding) found, e.g. <c>ada@example.com in app.db as UTF-8</c>.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> files, params string[] secrets)
    {
        var found = new List<string>();
        foreach (var file in files.Where(File.Exists))
        {
            // Read through a shared handle: SQLite may still hold the file open.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            foreach (var secret in secrets)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                {
                    if (bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) >= 0)
                    {
                        found.Add($"{secret} in {Path.GetFileName(file)} as {encoding.WebName}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A database file and its WAL and shared-memory companions.</summary>
    public static IEnumerable<string> WithCompanions(string path) => [path, path + "-wal", path + "-shm"];
}

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Looks for a secret's bytes, whole or in pieces, in a PostgreSQL test database's files after a CHECKPOINT.</summary>
public static class ByteScan
{
    /// <summary>Long enough that a match is never chance (2^-64), short enough to catch a partly overwritten copy.</summary>
    public const int PieceLength = 8;

    /// <summary>Every file and offset where the secret or any <see cref="PieceLength"/>-byte piece of it appears.</summary>
    public static async Task<IReadOnlyList<string>> PiecesAsync(PostgreSqlTestDatabase database, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var found = new List<string>();
        foreach (var file in await PostgreSqlDataFiles.CheckpointAndListAsync(database))
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file);
            }
            catch (FileNotFoundException)
            {
                continue; // unlinked between the listing and the read (a rewritten table's old file)
            }

            for (var start = 0; start + PieceLength <= secret.Length; start += PieceLength)
            {
                var at = bytes.AsSpan().IndexOf(secret.AsSpan(start, PieceLength));
                if (at >= 0)
                {
                    found.Add($"bytes {start}..{start + PieceLength} in {Path.GetFileName(file)} at {at}");
                }
            }
        }

        return found;
    }
}

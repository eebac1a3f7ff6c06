using System.Text;
using System.Text.Unicode;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Checks a file's bytes before any CSV parsing: a UTF-8 byte order mark is accepted and skipped, UTF-16/32 and
/// lines that are not UTF-8 (a file pasted together from a Latin-1 export and a UTF-8 one) are refused with the line
/// to fix, and so is a line longer than the limit, found without decoding it (a 10 MB line costs one scan).
/// </summary>
public static class ImportEncoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The offset where the CSV text starts (after a UTF-8 BOM), or the error that refuses the whole file.</summary>
    public static (int Start, ImportError? Error) Check(ReadOnlySpan<byte> file, int maxLineBytes)
    {
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || file.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || file.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (0, new ImportError(1, null, "The file is saved as UTF-16 or UTF-32 (its byte order mark says so); save it as UTF-8."));
        }

        var start = file.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var rest = file[start..];
        if (rest.IsEmpty)
        {
            return (start, new ImportError(1, null, $"The file is empty; its first line must be the header: {string.Join(',', ImportColumns.Required)}."));
        }

        var (line, invalid, firstInvalid) = (0, 0, (Line: 0, Column: 0, Byte: (byte)0));
        while (!rest.IsEmpty)
        {
            line++;
            var end = rest.IndexOf((byte)'\n');
            var current = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (current.Length > maxLineBytes)
            {
                return (start, new ImportError(line, null,
                    $"Line {line} is {current.Length:N0} bytes long; a line may be at most {maxLineBytes:N0} bytes. Is the file cut or joined wrongly?"));
            }

            if (!Utf8.IsValid(current) && invalid++ == 0)
            {
                firstInvalid = (line, FirstInvalidByte(current), 0);
                firstInvalid.Byte = current[firstInvalid.Column];
            }
        }

        if (invalid == 0)
        {
            return (start, null);
        }

        var what = invalid == line
            ? "The file is not UTF-8 (perhaps Latin-1 or Windows-1252)"
            : $"The file mixes encodings: {invalid:N0} of its {line:N0} lines are not UTF-8";
        return (start, new ImportError(firstInvalid.Line, null,
            $"{what}; the first is line {firstInvalid.Line} (byte 0x{firstInvalid.Byte:X2} at position {firstInvalid.Column + 1}). Save the whole file as UTF-8."));
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        try
        {
            Strict.GetCharCount(line);
            return 0;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Max(0, e.Index);
        }
    }
}

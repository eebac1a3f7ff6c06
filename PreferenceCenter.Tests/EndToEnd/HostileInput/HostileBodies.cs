using System.Net.Http.Headers;
using System.Text;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>Request bodies no honest client sends: oversized, over-many fields, wrong or missing content types, broken encodings.</summary>
public static class HostileBodies
{
    /// <summary>Over Kestrel's 30 MB request body limit.</summary>
    public const int OversizedBytes = 31 * 1024 * 1024;

    /// <summary>Attacks on an endpoint that reads a form; <paramref name="fields"/> are its own, with the antiforgery token where it has one.</summary>
    public static IEnumerable<(string What, Func<HttpContent?> Body)> ForForm(IReadOnlyDictionary<string, string> fields)
    {
        yield return ("no body", () => null);
        yield return ("empty form", () => Form(fields.Where(f => f.Key == HtmlForm.AntiforgeryField)));
        yield return ("a 5 MB value", () => Form(fields.Select(f => f.Key == HtmlForm.AntiforgeryField ? f : new(f.Key, new string('a', 5 * 1024 * 1024)))));
        yield return ("a 31 MB body", () => Raw("a=" + new string('a', OversizedBytes), "application/x-www-form-urlencoded"));
        yield return ("5,000 fields", () => Form(fields.Concat(Enumerable.Range(0, 5_000).Select(i => new KeyValuePair<string, string>($"f{i}", "x")))));
        yield return ("a 100 KB field name", () => Form(fields.Append(new(new string('k', 100_000), "x"))));
        yield return ("a field name nested 5,000 deep", () => Form(fields.Append(new(string.Concat(Enumerable.Repeat("a[0].", 5_000)) + "a", "x"))));
        yield return ("the same field 2,000 times", () => Form(fields.Concat(fields.Where(f => f.Key != HtmlForm.AntiforgeryField).SelectMany(f => Enumerable.Repeat(f, 2_000)))));
        yield return ("text/plain", () => Raw(Encode(fields), "text/plain"));
        yield return ("JSON", () => Raw("{\"List-Unsubscribe\":\"One-Click\",\"choice\":\"Pause\"}", "application/json"));
        yield return ("XML", () => Raw("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/passwd\">]><a>&b;</a>", "application/xml"));
        yield return ("no content type", () => Raw(Encode(fields), null));
        yield return ("charset utf-7", () => Raw(Encode(fields), "application/x-www-form-urlencoded; charset=utf-7"));
        yield return ("broken escapes", () => Raw("a=%zz&%%%=%C3%28&b=%FF%FE&" + Encode(fields.Where(f => f.Key == HtmlForm.AntiforgeryField)), "application/x-www-form-urlencoded"));
        yield return ("bytes that are not UTF-8", () => Bytes([0x61, 0x3D, 0xC3, 0x28, 0xFF, 0xFE, 0x00], "application/x-www-form-urlencoded"));
        yield return ("multipart without a boundary", () => Raw(Encode(fields), "multipart/form-data"));
        yield return ("multipart with a file", () => Multipart(fields));
    }

    /// <summary>Attacks on a JSON endpoint.</summary>
    public static IEnumerable<(string What, Func<HttpContent?> Body)> ForJson(string validJson)
    {
        yield return ("no body", () => null);
        foreach (var text in new[] { string.Empty, "{", "}", "null", "[]", "\"x\"", "0", "{\"a\":1,\"a\":2}", "{\"subject\":{\"reference\":null,\"reference\":\"PC-ZZZZZZ\"}}" })
        {
            yield return ($"JSON {text}", () => Raw(text, "application/json"));
        }

        yield return ("nesting 10,000 deep", () => Raw(new string('[', 10_000) + new string(']', 10_000), "application/json"));
        yield return ("an object nesting 10,000 deep", () => Raw(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), "application/json"));
        yield return ("a 5 MB string", () => Raw("{\"purpose\":\"" + new string('a', 5 * 1024 * 1024) + "\"}", "application/json"));
        yield return ("100,000 items", () => Raw("{\"items\":[" + string.Join(',', Enumerable.Repeat("{}", 100_000)) + "]}", "application/json"));
        yield return ("a 31 MB body", () => Raw("{\"purpose\":\"" + new string('a', OversizedBytes) + "\"}", "application/json"));
        yield return ("bytes that are not UTF-8", () => Bytes([0x7B, 0x22, 0x70, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json"));
        yield return ("a byte-order mark and a NUL", () => Raw("\uFEFF" + validJson + "\0", "application/json"));
        yield return ("text/plain", () => Raw(validJson, "text/plain"));
        yield return ("a form", () => Raw("purpose=marketing&channel=sms", "application/x-www-form-urlencoded"));
        yield return ("XML", () => Raw("<purpose>marketing</purpose>", "application/xml"));
        yield return ("no content type", () => Raw(validJson, null));
        yield return ("JSON with charset utf-7", () => Raw(validJson, "application/json; charset=utf-7"));
    }

    public static ByteArrayContent Form(IEnumerable<KeyValuePair<string, string>> fields) => Raw(Encode(fields), "application/x-www-form-urlencoded");

    public static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "%EF%BF%BD";
        }
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) => string.Join('&', fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    private static ByteArrayContent Raw(string body, string? contentType) => Bytes(Encoding.UTF8.GetBytes(body), contentType);

    private static ByteArrayContent Bytes(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    private static MultipartFormDataContent Multipart(IReadOnlyDictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(name == HtmlForm.AntiforgeryField ? value : HostileValues.ScriptMarker), name);
        }

        content.Add(new ByteArrayContent(new byte[1024 * 1024]), "file", "../../evil.exe");
        return content;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd) that stores what it receives in a Maildir. test.sh starts one and
/// passes it in through environment variables; without them the fixture starts its own on loopback.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process? ownServer;
    private readonly bool deleteMaildir = true;

    public SmtpSink()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("PREFERENCECENTER_TEST_SMTP_PORT"), out var port)
            && Environment.GetEnvironmentVariable("PREFERENCECENTER_TEST_MAILDIR") is { Length: > 0 } maildir)
        {
            (Port, Maildir) = (port, maildir);
            return;
        }

        (Port, Maildir) = (LoopbackPorts.Free(), Path.Combine(Path.GetTempPath(), $"pc-maildir-{Guid.NewGuid():N}"));
        ownServer = StartServer();
    }

    private SmtpSink(int port, string maildir)
    {
        (Port, Maildir, deleteMaildir) = (port, maildir, false);
        ownServer = StartServer();
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>
    /// A server of the test's own on <paramref name="port"/>, never the shared one: a test that stops and restarts
    /// the relay (SMTP down, then back) passes the same port and Maildir again.
    /// </summary>
    public static SmtpSink StartOwn(int port, string maildir) => new(port, maildir);

    private Process StartServer()
    {
        var server = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd: install python3-aiosmtpd (test.sh does).");
        WaitUntilListening(server);
        return server;
    }

    /// <summary>Every message delivered to <paramref name="recipient"/> so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string recipient)
    {
        var found = new List<MimeMessage>();
        var folder = Path.Combine(Maildir, "new");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }

    // Readiness, not a retry-until-green: the server process needs a moment to bind before the first test uses it.
    private void WaitUntilListening(Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (server.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd exited: " + server.StandardError.ReadToEnd());
                }

                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{Port} within 15 seconds.");
    }

    public ValueTask DisposeAsync()
    {
        if (ownServer is not null)
        {
            ownServer.Kill(entireProcessTree: true);
            ownServer.WaitForExit();
            ownServer.Dispose();
            if (deleteMaildir && Directory.Exists(Maildir))
            {
                Directory.Delete(Maildir, recursive: true);
            }
        }

        return ValueTask.CompletedTask;
    }
}

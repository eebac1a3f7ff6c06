using System.Diagnostics;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Benchmarks.PostgreSql;

/// <summary>
/// The PostgreSQL server a benchmark writes to. By default a throw-away cluster of its own: <c>initdb</c> in a temporary
/// folder, reached only over a unix socket in that folder (no TCP), durable as a production server is (<c>fsync</c> and
/// <c>synchronous_commit</c> on, unlike the test suite's cluster), stopped and deleted on dispose. With
/// <c>PC_BENCH_POSTGRES</c> set (a connection string to a server whose user may create databases) it uses that server
/// instead. Either way each benchmark database is created here and dropped afterwards.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "PC_BENCH_POSTGRES";

    private readonly string? folder;
    private readonly string? bin;
    private readonly string[] runAs;
    private readonly string admin;
    private readonly List<string> databases = [];

    private PostgreSqlServer(string admin, string? folder, string? bin, string[] runAs)
    {
        this.admin = admin;
        this.folder = folder;
        this.bin = bin;
        this.runAs = runAs;
    }

    /// <summary>What the run writes to, for the report: the version, the durability settings and where.</summary>
    public string Description { get; private set; } = "";

    public static async Task<PostgreSqlServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var server = new PostgreSqlServer(given, null, null, []);
            server.Description = await server.SettingsAsync();
            return server;
        }

        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).LastOrDefault()
            ?? throw new InvalidOperationException($"No PostgreSQL under /usr/lib/postgresql: apt-get install postgresql, or set {EnvironmentVariable}.");
        // Short: a unix socket's path has a limit of about 100 characters.
        var folder = Path.Combine(Path.GetTempPath(), $"pc-bench-pg-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        // PostgreSQL refuses to run as root; root runs it as the postgres user the package creates (as test.sh does).
        string[] runAs = Environment.UserName == "root" ? ["runuser", "-u", "postgres", "--"] : [];
        if (runAs.Length > 0)
        {
            await RunAsync(["chown", "postgres", folder]);
        }

        var cluster = new PostgreSqlServer($"Host={folder};Username=postgres;Database=postgres", folder, bin, runAs);
        try
        {
            await RunAsync([.. runAs, Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
            await RunAsync([.. runAs, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses='' -k {folder} -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300", "start"]);
            cluster.Description = await cluster.SettingsAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// CPU used so far by the cluster's live processes (the postmaster and its children: backends, WAL writer,
    /// checkpointer), so a benchmark can say how much of a request's cost is the database's; zero for a given server.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            var pidFile = folder is null ? null : Path.Combine(folder, "data", "postmaster.pid");
            if (pidFile is null || !File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
            {
                return TimeSpan.Zero;
            }

            var total = TimeSpan.Zero;
            foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
            {
                try
                {
                    // "pid (comm) state ppid …": comm may hold spaces, so the fields count from the last ')'.
                    var text = File.ReadAllText(stat);
                    var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                    var pid = int.Parse(Path.GetFileName(Path.GetDirectoryName(stat))!, System.Globalization.CultureInfo.InvariantCulture);
                    if (pid == postmaster || fields[1] == postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
                        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                        total += TimeSpan.FromMilliseconds(ticks * 10);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // A process that ended meanwhile, or not a process folder.
                }
            }

            return total;
        }
    }

    /// <summary>A new empty database (optionally a copy of <paramref name="template"/>); its connection string. Dropped on dispose.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, string? template = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        databases.Add(name);
        return ConnectionString(name);
    }

    /// <summary>The connection string of database <paramref name="name"/> on this server.</summary>
    public string ConnectionString(string name) => new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;

    /// <summary>Drops a database made here, cutting its pooled connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        PostgreSqlConnectionDefaults.ClearPools(connectionString);

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        databases.Remove(name);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // The settings that decide durability and the version, read from the server itself.
    private async Task<string> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method')",
            connection);
        var settings = (string)(await command.ExecuteScalarAsync())!;
        return folder is null
            ? $"PostgreSQL {settings} (the server of {EnvironmentVariable})"
            : $"PostgreSQL {settings} (a throw-away cluster on the local disk, unix socket in {folder})";
    }

    private static async Task RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {command[0]}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (folder is null)
        {
            foreach (var name in databases.ToList())
            {
                await DropDatabaseAsync(ConnectionString(name));
            }

            return;
        }

        if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
        {
            await RunAsync([.. runAs, Path.Combine(bin!, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop"]);
        }

        Directory.Delete(folder, recursive: true);
    }
}

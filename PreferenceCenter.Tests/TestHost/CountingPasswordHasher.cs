using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The app's own hasher, recording every password check by the hash it was checked against, and slowed a little
/// so that parallel attempts overlap as they would under real load.
/// </summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, CountingPasswordHasher.Checks checks) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        checks.Record(hashedPassword);
        Thread.Sleep(checks.Delay);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>Every check so far, by hash (a singleton shared by the scoped hashers).</summary>
    public sealed class Checks
    {
        private readonly ConcurrentQueue<string> hashes = new();

        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(50);

        public int Total => hashes.Count;

        public int Against(string? hash) => hashes.Count(h => h == hash);

        public void Record(string hash) => hashes.Enqueue(hash);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Messaging;

namespace PreferenceCenter.Tests.Features.Messaging;

public sealed class MailAddressesTests
{
    public static TheoryData<string> Sendable() =>
    [
        "customer@example.com", "first.last+news@mail.example.co.uk", "o'brien@example.ie", "x@example",
    ];

    /// <summary>Each passes the framework's [EmailAddress] (one @, not at either end) and the mail library cannot send to it as typed.</summary>
    public static TheoryData<string> PassTheFrameworkButNotTheMailLibrary() =>
    [
        "A b1!@example.com", "Ann <ann@example.com>", "a,b@example.com", "(note)ann@example.com",
        "ann@example.com ", "ann\u200B@example.com", "ann@exa mple.com", "ann@[example.com",
    ];

    [Theory]
    [MemberData(nameof(Sendable))]
    public void An_address_the_mail_library_takes_as_typed_is_deliverable(string address)
    {
        Assert.True(MailAddresses.IsDeliverable(address));
        Assert.True(new DeliverableEmailAttribute().IsValid(address));
    }

    [Theory]
    [MemberData(nameof(PassTheFrameworkButNotTheMailLibrary))]
    public void An_address_the_framework_accepts_but_the_mail_library_cannot_send_to_is_refused(string address)
    {
        Assert.True(new EmailAddressAttribute().IsValid(address));
        Assert.False(MailAddresses.IsDeliverable(address));
        Assert.False(new DeliverableEmailAttribute().IsValid(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_field_is_for_Required_to_judge(string? value) => Assert.True(new DeliverableEmailAttribute().IsValid(value));

    [Fact]
    public void An_address_longer_than_a_mail_path_is_refused() =>
        Assert.False(MailAddresses.IsDeliverable(new string('a', MailAddresses.MaxLength - "@example.com".Length + 1) + "@example.com"));

    [Fact]
    public async Task A_stored_address_the_mail_library_cannot_parse_is_dropped_not_thrown()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        var options = Options.Create(new EmailOptions { PickupDirectory = folder });
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        var message = new MailComposer(options).Compose("A b1!@example.com", "Confirm", "Please confirm.", "Confirm", new Uri("https://prefs.example/x"));

        await new PickupDirectoryEmailTransport(options, environment, new FakeTimeProvider()).SendAsync(message);
        await new SmtpEmailTransport(Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "mail.invalid" } })).SendAsync(message);

        Assert.Empty(message.To);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }
}

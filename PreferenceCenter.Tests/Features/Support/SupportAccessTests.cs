using System.Security.Claims;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

/// <summary>
/// Every service entry point that takes a customer id, called by each role, for the customer it is about: staff
/// entry points refuse anyone but staff, and customer entry points refuse a customer acting on another's id.
/// </summary>
public sealed class SupportAccessTests : IAsyncLifetime
{
    private static readonly Uri HistoryLink = new("https://prefs.example/history");

    private SupportFixture fixture = default!;

    public enum Caller
    {
        Anonymous,
        Customer,
        OtherCustomer,
        Support,
        Officer,
        SupportWithoutTwoFactor,
    }

    public enum EntryPoint
    {
        Search,
        GetCustomer,
        GetDetails,
        Reveal,
        SetConsentOnBehalf,
        FileErasureOnBehalf,
        SetConsentAsCustomer,
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (fixture is not null)
        {
            await fixture.DisposeAsync();
        }
    }

    public static TheoryData<EntryPoint, Caller, bool> Table()
    {
        var table = new TheoryData<EntryPoint, Caller, bool>();
        foreach (var entry in Enum.GetValues<EntryPoint>())
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                // The customer's own door takes an actor, not a principal: a caller with no customer id could only
                // reach it as some other customer, which the OtherCustomer row already covers. Rows for anonymous and
                // staff callers would be refused whatever their role, so they would check nothing.
                if (entry == EntryPoint.SetConsentAsCustomer && caller is not (Caller.Customer or Caller.OtherCustomer))
                {
                    continue;
                }

                table.Add(entry, caller, Allowed(entry, caller));
            }
        }

        return table;
    }

    // The table itself: staff entry points for support and officers with two-factor sign-in; a customer's own
    // change only for that customer.
    private static bool Allowed(EntryPoint entry, Caller caller) => entry switch
    {
        EntryPoint.SetConsentAsCustomer => caller == Caller.Customer,
        _ => caller is Caller.Support or Caller.Officer,
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task EntryPoint_ForTheSubjectCustomer_IsAllowedOnlyToTheRolesInTheTable(EntryPoint entry, Caller caller, bool allowed)
    {
        fixture = await SupportFixture.CreateAsync(requireStaffTwoFactor: true);
        var before = (await fixture.LedgerAsync()).Count;

        var outcome = await CallAsync(entry, PrincipalFor(caller));

        Assert.Equal(allowed, outcome);
        if (!allowed)
        {
            Assert.Equal(before, (await fixture.LedgerAsync()).Count);
        }
    }

    private ClaimsPrincipal PrincipalFor(Caller caller) => caller switch
    {
        Caller.Anonymous => SupportFixture.Anonymous,
        Caller.Customer => SupportFixture.CustomerPrincipal(fixture.Mario),
        Caller.OtherCustomer => SupportFixture.CustomerPrincipal(fixture.Ana),
        Caller.Support => SupportFixture.Staff(Roles.Support),
        Caller.Officer => SupportFixture.Staff(Roles.PrivacyOfficer),
        Caller.SupportWithoutTwoFactor => SupportFixture.Staff(Roles.Support, twoFactor: false),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>True when the call went through; false when it was refused (an exception or a refusal, nothing written).</summary>
    private async Task<bool> CallAsync(EntryPoint entry, ClaimsPrincipal user)
    {
        var console = fixture.Console;
        var toggle = new ConsentToggle("marketing", Channel.Sms, true, 0);
        try
        {
            switch (entry)
            {
                case EntryPoint.Search:
                    return (await console.SearchAsync(user, SupportFixture.MarioEmail)).Customer is not null;
                case EntryPoint.GetCustomer:
                    return await console.GetCustomerAsync(user, fixture.MarioReference) is not null;
                case EntryPoint.GetDetails:
                    await console.GetDetailsAsync(user, fixture.Mario, System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                case EntryPoint.Reveal:
                    return (await console.RevealAsync(user, fixture.Mario, PersonalDataKind.Email, "Reading it back to the caller")).Value is not null;
                case EntryPoint.SetConsentOnBehalf:
                    return (await console.SetConsentAsync(user, fixture.Mario, new OnBehalfRequest(RequestChannel.Phone, "Asked by phone"), toggle, HistoryLink))
                        .Change?.Succeeded == true;
                case EntryPoint.FileErasureOnBehalf:
                    return (await console.FileErasureAsync(user, fixture.Mario, new OnBehalfRequest(RequestChannel.Phone, "Identity checked by security questions"),
                        new Uri("https://prefs.example/forget-me/confirm"))).Filed;
                default:
                    // The customer's own door: the actor is whoever signed in, the subject is Mario.
                    var actor = Actor.Customer(user.GetCustomerId() ?? throw new InvalidOperationException("Only customers call their own door."));
                    return (await fixture.Consents.SetAsync(new ConsentChange(fixture.Mario, "marketing", Channel.Sms, true, 0, actor, ChangeSource.Web))).Succeeded;
            }
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

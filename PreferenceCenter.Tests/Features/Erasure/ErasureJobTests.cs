using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureJobTests
{
    [Fact]
    public async Task Job_WhileAnotherInstanceHoldsTheLease_LeavesTheRequest_ThenCarriesItOutOnceFree()
    {
        await using var fixture = await ErasureFixture.CreateAsync();
        var approved = await fixture.ApprovedAsync();
        var lease = new DatabaseLease(fixture.Database, fixture.Clock);
        var job = new ErasureJob(fixture.Runner, lease, fixture.Clock, Options.Create(new ErasureOptions()), NullLogger<ErasureJob>.Instance);
        Assert.True(await lease.TryAcquireAsync(ErasureJob.LeaseName, "other-instance", TimeSpan.FromMinutes(30)));

        Assert.False(await job.RunOnceAsync());
        Assert.Equal(ErasureState.Approved, await fixture.StateOfAsync(approved.Id));

        await lease.ReleaseAsync(ErasureJob.LeaseName, "other-instance");
        Assert.True(await job.RunOnceAsync());
        Assert.Equal(ErasureState.Completed, await fixture.StateOfAsync(approved.Id));
    }
}

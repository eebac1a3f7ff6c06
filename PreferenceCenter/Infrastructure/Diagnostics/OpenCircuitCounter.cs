using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PreferenceCenter.Infrastructure.Diagnostics;

/// <summary>How many Blazor circuits are open now: the memory benchmark divides the heap by it and checks it returns to zero.</summary>
public sealed class OpenCircuitCounter : CircuitHandler
{
    private int open;

    public int Open => Volatile.Read(ref open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref open);
        return Task.CompletedTask;
    }
}

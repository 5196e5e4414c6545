namespace Moci.Ingest.Operations;

/// <summary>
/// Stands in for a hosted service this process does not run (the broker, the writer and the intake of a process that
/// only reads the hub's database, <c>Intake:Enabled=false</c>): starts and stops at once.
/// </summary>
internal sealed class IdleService : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

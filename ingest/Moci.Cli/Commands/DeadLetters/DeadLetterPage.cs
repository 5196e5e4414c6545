namespace Moci.Cli.Commands.DeadLetters;

/// <summary>What <c>dead-letters list --json</c> prints.</summary>
/// <param name="Station">The station asked for.</param>
/// <param name="Total">How many dead letters the station has.</param>
/// <param name="Letters">The newest of them, newest first.</param>
internal sealed record DeadLetterPage(string Station, long Total, IReadOnlyList<DeadLetterView> Letters);

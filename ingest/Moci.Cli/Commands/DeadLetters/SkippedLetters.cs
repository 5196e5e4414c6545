namespace Moci.Cli.Commands.DeadLetters;

/// <summary>Letters a replay left as they are, for one cause.</summary>
/// <param name="Letters">How many.</param>
/// <param name="Ids">The ids of the first <see cref="ReplayTally.IdsShown"/> of them, to look them up in the hub's API.</param>
internal sealed record SkippedLetters(int Letters, IReadOnlyList<long> Ids);

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>One of the reasons letters still fail for after a replay.</summary>
/// <param name="Kind">The kind of check they fail, as the hub's health report names it (<c>wrong_kind</c>, <c>too_old</c>, …), or <c>conflict</c>.</param>
/// <param name="Letters">How many letters fail for it.</param>
/// <param name="Example">The reason of the first of them, in full.</param>
internal sealed record FailureReason(string Kind, int Letters, string Example);

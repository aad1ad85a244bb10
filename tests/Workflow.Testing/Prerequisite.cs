using Xunit;

namespace Workflow.Testing;

/// <summary>
/// Decides what a test does when something it needs from outside (a PostgreSQL server, the shared data) is
/// missing: on a developer's machine it is skipped with the reason, under CI (<c>CI=true</c>) it fails, so
/// a broken CI setup cannot pass by skipping everything. Only tests marked <c>[SkippableFact]</c> or
/// <c>[SkippableTheory]</c> can be skipped.
/// </summary>
public static class Prerequisite
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (any case) or <c>1</c>.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Skips the running test, or fails it under CI, unless <paramref name="met"/> holds.</summary>
    /// <exception cref="MissingPrerequisiteException">The prerequisite is missing and CI is set.</exception>
    public static void Require(bool met, string reason)
    {
        if (met)
        {
            return;
        }

        if (IsCi)
        {
            throw new MissingPrerequisiteException($"{reason} CI=true, so the test fails instead of skipping.");
        }

        Skip.If(true, reason);
    }
}

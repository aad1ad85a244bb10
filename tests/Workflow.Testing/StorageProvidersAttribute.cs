using System.Reflection;
using Xunit.Sdk;

namespace Workflow.Testing;

/// <summary>
/// Runs a theory once per storage provider, with the provider name as its first argument:
/// <c>[SkippableTheory, StorageProviders]</c>. PostgreSQL cases skip (or fail under CI) without a server.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StorageProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [StorageProvider.Sqlite],
        [StorageProvider.Postgres],
    ];
}

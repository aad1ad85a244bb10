namespace Workflow.Sdk;

/// <summary>
/// Facts about this build of the SDK that a host compares with what a plugin was built against.
/// </summary>
public static class SdkInfo
{
    /// <summary>
    /// The major version of the plugin contract. A plugin built against another major version is refused.
    /// </summary>
    public const int MajorVersion = 1;
}

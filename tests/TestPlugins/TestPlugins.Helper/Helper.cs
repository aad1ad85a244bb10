namespace TestPlugins.Helper;

public static class Names
{
    public const string Category = "Helped";
}

namespace TestPlugins.SharedLib;

public static class Greeting
{
    public static string Subcategory() => "library 1.0";
}

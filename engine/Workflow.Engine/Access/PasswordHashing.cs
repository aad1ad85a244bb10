using System.Security.Cryptography;
using System.Text;

namespace Workflow.Engine.Access;

/// <summary>
/// PBKDF2 with HMAC-SHA256, a random 16-byte salt per password and 600,000 iterations, stored as
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), so a later, higher count can be introduced without
/// invalidating the hashes already stored. Thread-safe.
/// </summary>
public static class PasswordHashing
{
    public const int Iterations = 600_000;

    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Checked against when the user name is unknown, so the answer takes as long as for a known one.</summary>
    internal static readonly string Decoy = Hash("decoy password, never a real one");

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return $"{Algorithm}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether the password matches the stored hash; false for a hash in a format this does not know.</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm || !int.TryParse(parts[1], out var iterations)
            || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Derive(password, salt, iterations);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}

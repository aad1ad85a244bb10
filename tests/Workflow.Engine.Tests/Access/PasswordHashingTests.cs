using Workflow.Engine.Access;

namespace Workflow.Engine.Tests.Access;

/// <summary>Passwords are stored as salted PBKDF2 hashes that name their algorithm and iteration count.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_SamePasswordTwice_GivesDifferentHashesThatBothVerify()
    {
        var first = PasswordHashing.Hash("a long passphrase");
        var second = PasswordHashing.Hash("a long passphrase");

        Assert.NotEqual(first, second);
        Assert.True(PasswordHashing.Verify("a long passphrase", first));
        Assert.True(PasswordHashing.Verify("a long passphrase", second));
        Assert.StartsWith($"pbkdf2-sha256${PasswordHashing.Iterations}$", first);
        Assert.DoesNotContain("passphrase", first);
    }

    [Fact]
    public void Verify_WrongPassword_IsFalse()
    {
        var stored = PasswordHashing.Hash("a long passphrase");

        var verified = PasswordHashing.Verify("a long passphrasE", stored);

        Assert.False(verified);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha1$1000$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$0$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$aGFzaA==")]
    public void Verify_StoredValueInAnUnknownForm_IsFalse(string stored)
    {
        var verified = PasswordHashing.Verify("a long passphrase", stored);

        Assert.False(verified);
    }
}

using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("nul \u0000 char", "holds the control character U+0000 at position 5.")]
    [InlineData("bell\u0007", "holds the control character U+0007 at position 5.")]
    public void Check_ControlCharacter_ReportsItsCodeAndPosition(string text, string message)
    {
        var errors = new List<FieldError>();

        TextInput.Check(errors, "subject", text);

        Assert.Equal([new FieldError("subject", message)], errors);
    }

    [Fact]
    public void Check_LineBreaksTabsAndEmoji_Accepted()
    {
        var errors = new List<FieldError>();

        TextInput.Check(errors, "description", "line one\r\nline\ttwo 🚀 ünïcode", TextInput.LongText);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_TooLong_ReportsTheLengthAndTheLimit()
    {
        var errors = new List<FieldError>();

        TextInput.Check(errors, "reporter.name", new string('a', 201));

        Assert.Equal([new FieldError("reporter.name", "is 201 characters long; at most 200 are allowed.")], errors);
    }
}

using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 30, 0, TimeSpan.Zero);

    /// <summary>The moves the design allows, written out so the table in the engine is checked, not copied.</summary>
    private static readonly (TicketState From, TicketAction Action, TicketState To)[] DocumentedMoves =
    [
        (TicketState.New, TicketAction.Acknowledge, TicketState.InProgress),
        (TicketState.New, TicketAction.Hold, TicketState.OnHold),
        (TicketState.New, TicketAction.Resolve, TicketState.Resolved),
        (TicketState.New, TicketAction.Cancel, TicketState.Cancelled),
        (TicketState.InProgress, TicketAction.Hold, TicketState.OnHold),
        (TicketState.InProgress, TicketAction.Resolve, TicketState.Resolved),
        (TicketState.InProgress, TicketAction.Cancel, TicketState.Cancelled),
        (TicketState.OnHold, TicketAction.Hold, TicketState.OnHold),
        (TicketState.OnHold, TicketAction.Resume, TicketState.InProgress),
        (TicketState.OnHold, TicketAction.Resolve, TicketState.Resolved),
        (TicketState.OnHold, TicketAction.Cancel, TicketState.Cancelled),
        (TicketState.Resolved, TicketAction.Close, TicketState.Closed),
        (TicketState.Resolved, TicketAction.Reopen, TicketState.InProgress),
    ];

    public static TheoryData<TicketState, TicketAction, TicketState> LegalMoves()
    {
        var data = new TheoryData<TicketState, TicketAction, TicketState>();
        foreach (var (from, action, to) in TicketLifecycle.All)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    public static TheoryData<TicketState, TicketAction> IllegalMoves()
    {
        var data = new TheoryData<TicketState, TicketAction>();
        foreach (var state in Enum.GetValues<TicketState>())
        {
            foreach (var action in Enum.GetValues<TicketAction>())
            {
                if (!DocumentedMoves.Any(m => m.From == state && m.Action == action))
                {
                    data.Add(state, action);
                }
            }
        }

        return data;
    }

    [Fact]
    public void All_Always_ListsExactlyTheDocumentedMoves()
    {
        var moves = TicketLifecycle.All.ToList();

        Assert.Equal(DocumentedMoves.Length, moves.Count);
        Assert.All(DocumentedMoves, m => Assert.Contains(m, moves));
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Apply_LegalMove_ReachesStatedTarget(TicketState from, TicketAction action, TicketState to)
    {
        var ticket = TestTickets.InState(from);

        ticket.Apply(action, At, HoldReason.AwaitingVendor, "fixed");

        Assert.Equal(to, ticket.State);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Apply_IllegalMove_ThrowsNamingBothStates(TicketState from, TicketAction action)
    {
        var ticket = TestTickets.InState(from);
        var refused = NominalTarget(action);

        var ex = Assert.Throws<IllegalTransitionException>(
            () => ticket.Apply(action, At, HoldReason.AwaitingVendor, "fixed"));

        Assert.Equal(from, ex.From);
        Assert.Equal(refused, ex.To);
        Assert.Equal(ActionNames.Of(action), ex.ActionName);
        Assert.Contains($"from {from} to {refused}", ex.Message);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Apply_IllegalMove_ChangesNothing(TicketState from, TicketAction action)
    {
        var ticket = TestTickets.InState(from);
        var before = Snapshot(ticket);

        Assert.Throws<IllegalTransitionException>(() => ticket.Apply(action, At, HoldReason.AwaitingVendor, "fixed"));

        Assert.Equal(before, Snapshot(ticket));
        Assert.Empty(ticket.PendingChanges);
    }

    [Theory]
    [InlineData(TicketState.New)]
    [InlineData(TicketState.InProgress)]
    [InlineData(TicketState.OnHold)]
    public void Apply_HoldWithoutReason_ThrowsArgumentExceptionNamingHoldReason(TicketState from)
    {
        var ticket = TestTickets.InState(from);

        var ex = Assert.Throws<ArgumentException>(() => ticket.Apply(TicketAction.Hold, At));

        Assert.Equal("holdReason", ex.ParamName);
        Assert.StartsWith("A hold needs a reason", ex.Message);
    }

    [Fact]
    public void Apply_HoldWithoutReason_ChangesNothing()
    {
        var ticket = TestTickets.InState(TicketState.InProgress);
        var before = Snapshot(ticket);

        Assert.Throws<ArgumentException>(() => ticket.Apply(TicketAction.Hold, At));

        Assert.Equal(before, Snapshot(ticket));
        Assert.Empty(ticket.PendingChanges);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Apply_ResolveWithoutCode_ThrowsArgumentException(string? code)
    {
        var ticket = TestTickets.InState(TicketState.InProgress);

        var ex = Assert.Throws<ArgumentException>(() => ticket.Apply(TicketAction.Resolve, At, resolutionCode: code));

        Assert.StartsWith("Resolving needs a resolution code.", ex.Message);
    }

    [Fact]
    public void Apply_ResolveWithoutCode_NamesTheResolutionParameter()
    {
        var ticket = TestTickets.InState(TicketState.InProgress);
        var parameter = typeof(Ticket).GetMethod(nameof(Ticket.Apply))!.GetParameters()
            .Single(p => p.ParameterType == typeof(string)).Name;

        var ex = Assert.Throws<ArgumentException>(() => ticket.Apply(TicketAction.Resolve, At));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Apply_ResolveWithoutCode_ChangesNothing()
    {
        var ticket = TestTickets.InState(TicketState.OnHold);
        var before = Snapshot(ticket);

        Assert.Throws<ArgumentException>(() => ticket.Apply(TicketAction.Resolve, At, resolutionCode: " "));

        Assert.Equal(before, Snapshot(ticket));
        Assert.Empty(ticket.PendingChanges);
    }

    [Fact]
    public void Apply_Hold_SetsHoldReason()
    {
        var ticket = TestTickets.InState(TicketState.InProgress);

        ticket.Apply(TicketAction.Hold, At, HoldReason.AwaitingEvidence);

        Assert.Equal(TicketState.OnHold, ticket.State);
        Assert.Equal(HoldReason.AwaitingEvidence, ticket.HoldReason);
    }

    [Fact]
    public void Apply_HoldWhileOnHold_ReplacesHoldReason()
    {
        var ticket = TestTickets.InState(TicketState.OnHold);

        ticket.Apply(TicketAction.Hold, At, HoldReason.AwaitingProblem);

        Assert.Equal(HoldReason.AwaitingProblem, ticket.HoldReason);
    }

    [Fact]
    public void Apply_Resume_ClearsHoldReason()
    {
        var ticket = TestTickets.InState(TicketState.OnHold);

        ticket.Apply(TicketAction.Resume, At);

        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Null(ticket.HoldReason);
    }

    [Fact]
    public void Apply_Resolve_SetsResolutionCodeAndResolvedAtInUtc()
    {
        var ticket = TestTickets.InState(TicketState.InProgress);

        ticket.Apply(TicketAction.Resolve, At.ToOffset(TimeSpan.FromHours(2)), resolutionCode: "workaround");

        Assert.Equal("workaround", ticket.ResolutionCode);
        Assert.Equal(At, ticket.ResolvedAt);
        Assert.Equal(TimeSpan.Zero, ticket.ResolvedAt!.Value.Offset);
    }

    [Fact]
    public void Apply_Reopen_IncrementsReopenCount()
    {
        var ticket = TestTickets.InState(TicketState.Resolved);

        ticket.Apply(TicketAction.Reopen, At);
        ticket.Apply(TicketAction.Resolve, At.AddHours(1), resolutionCode: "fixed");
        ticket.Apply(TicketAction.Reopen, At.AddHours(2));

        Assert.Equal(2, ticket.ReopenCount);
        Assert.Equal(TicketState.InProgress, ticket.State);
    }

    [Fact]
    public void Apply_Reopen_ClearsResolution()
    {
        var ticket = TestTickets.InState(TicketState.Resolved);

        ticket.Apply(TicketAction.Reopen, At);

        Assert.Null(ticket.ResolutionCode);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void Apply_Close_SetsClosedAtInUtc()
    {
        var ticket = TestTickets.InState(TicketState.Resolved);

        ticket.Apply(TicketAction.Close, At.ToOffset(TimeSpan.FromHours(-5)));

        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.Equal(At, ticket.ClosedAt);
        Assert.Equal(TimeSpan.Zero, ticket.ClosedAt!.Value.Offset);
    }

    [Fact]
    public void Apply_Close_KeepsResolution()
    {
        var ticket = TestTickets.InState(TicketState.Resolved);

        ticket.Apply(TicketAction.Close, At);

        Assert.Equal("fixed", ticket.ResolutionCode);
        Assert.NotNull(ticket.ResolvedAt);
    }

    [Theory]
    [InlineData(TicketState.New, TicketAction.Acknowledge, true)]
    [InlineData(TicketState.Resolved, TicketAction.Reopen, true)]
    [InlineData(TicketState.Closed, TicketAction.Reopen, false)]
    [InlineData(TicketState.Cancelled, TicketAction.Resume, false)]
    public void CanApply_StateAndAction_TellsWhetherTheMoveIsLegal(
        TicketState from,
        TicketAction action,
        bool expected)
    {
        var ticket = TestTickets.InState(from);

        var allowed = ticket.CanApply(action);

        Assert.Equal(expected, allowed);
        Assert.Equal(from, ticket.State);
    }

    private static TicketState NominalTarget(TicketAction action) => action switch
    {
        TicketAction.Acknowledge or TicketAction.Resume or TicketAction.Reopen => TicketState.InProgress,
        TicketAction.Hold => TicketState.OnHold,
        TicketAction.Resolve => TicketState.Resolved,
        TicketAction.Close => TicketState.Closed,
        TicketAction.Cancel => TicketState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static (TicketState, HoldReason?, string?, DateTimeOffset?, DateTimeOffset?, int) Snapshot(Ticket t) =>
        (t.State, t.HoldReason, t.ResolutionCode, t.ResolvedAt, t.ClosedAt, t.ReopenCount);
}

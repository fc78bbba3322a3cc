namespace Wargame.Domain.Roles;

public enum ActorKind
{
    Player,
    Facilitator,
    /// <summary>The server itself, for example when a deadline passes.</summary>
    System,
}

/// <summary>Who issues a command. The server sets it from the caller's seat, never from the wire.</summary>
public readonly record struct Actor(ActorKind Kind, Role? Role)
{
    public static Actor Player(Role role) => new(ActorKind.Player, role);
    public static readonly Actor Facilitator = new(ActorKind.Facilitator, null);
    public static readonly Actor System = new(ActorKind.System, null);

    public override string ToString() => Kind == ActorKind.Player ? $"{Role}" : Kind.ToString();
}

namespace Wargame.Domain.Roles;

public enum AudienceKind
{
    Public,
    Role,
    Facilitator,
}

/// <summary>Who a view is computed for: the public (observers), one role's team, or the facilitator.</summary>
public readonly record struct Audience(AudienceKind Kind, Role? Role)
{
    public static readonly Audience Public = new(AudienceKind.Public, null);
    public static readonly Audience Facilitator = new(AudienceKind.Facilitator, null);
    public static Audience Of(Role role) => new(AudienceKind.Role, role);

    public static IReadOnlyList<Audience> All { get; } =
        [Public, Facilitator, .. RoleSet.All.Select(Of)];

    public override string ToString() => Kind == AudienceKind.Role ? $"{Role}" : Kind.ToString();
}

namespace Wargame.Domain.Roles;

/// <summary>The four negotiating roles, by their short codes on the wire and in scenario files.</summary>
public enum Role
{
    UA,
    RU,
    US,
    EU,
}

public static class RoleSet
{
    public static readonly IReadOnlyList<Role> All = [Role.UA, Role.RU, Role.US, Role.EU];

    public static string DisplayName(this Role role) => role switch
    {
        Role.UA => "Ukraine",
        Role.RU => "Russia",
        Role.US => "United States",
        Role.EU => "Europe",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool IsGuarantor(this Role role) => role is Role.US or Role.EU;
}

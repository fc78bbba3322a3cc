using System.Collections.Immutable;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

public enum LineOfContact { Freeze, WithdrawToLine }

public enum Monitoring { None, UnarmedMonitors, ArmedPeacekeepers }

public enum TextSpecificity { General, Specific }

public enum SanctionsRelief { None, Phased, Immediate }

/// <summary>Terms of a ceasefire agreement between Ukraine and Russia (mediators optional).</summary>
public sealed record CeasefireTerms : AgreementTerms
{
    public LineOfContact Line { get; init; } = LineOfContact.Freeze;
    /// <summary>Named line for <see cref="LineOfContact.WithdrawToLine"/>.</summary>
    public string? LineName { get; init; }
    public int DmzWidthKm { get; init; }
    public Monitoring Monitoring { get; init; } = Monitoring.None;
    /// <summary>Who provides monitors or peacekeepers (role codes or free names such as "OSCE").</summary>
    public ImmutableArray<string> MonitorsFrom { get; init; } = [];
    public bool JointCommission { get; init; }
    public TextSpecificity Specificity { get; init; } = TextSpecificity.General;
    public SanctionsRelief SanctionsRelief { get; init; } = SanctionsRelief.None;
    /// <summary>Cap on Ukraine's armed forces in thousands of troops; null for none.</summary>
    public int? UaForceCapThousands { get; init; }
    public bool NatoNonAccessionPledge { get; init; }
    public bool PrisonerExchange { get; init; }
    public ImmutableArray<Role> Mediators { get; init; } = [];
}

using System.Collections.Immutable;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

/// <summary>A problem with proposed terms: the field (camelCase, as on the wire) and what is wrong.</summary>
public sealed record TermsProblem(string Field, string Message);

/// <summary>Checks terms for sense; shared by proposals in play and instruments in scenario files.</summary>
public static class TermsCheck
{
    public const int MaxTripwireTroops = 200_000;

    public static ImmutableArray<TermsProblem> Problems(AgreementTerms? terms)
    {
        var problems = ImmutableArray.CreateBuilder<TermsProblem>();
        void Add(string field, string message) => problems.Add(new TermsProblem(field, message));

        if (terms is null)
        {
            Add("terms", "are missing: a proposal needs ceasefire or guarantee terms.");
            return problems.ToImmutable();
        }
        if (terms.DurationTurns is < 1 or > 40)
            Add("durationTurns", "must be from 1 to 40 turns, or left out for no end date.");

        switch (terms)
        {
            case CeasefireTerms c:
                if (!Enum.IsDefined(c.Line)) Add("line", "is not a known line of contact (freeze or withdrawToLine).");
                if (c.Line == LineOfContact.WithdrawToLine && string.IsNullOrWhiteSpace(c.LineName))
                    Add("lineName", "must name the line the forces withdraw to.");
                if (c.LineName is { Length: > 200 }) Add("lineName", "can be at most 200 characters.");
                if (c.DmzWidthKm is < 0 or > 100) Add("dmzWidthKm", "must be from 0 to 100 km.");
                if (!Enum.IsDefined(c.Monitoring)) Add("monitoring", "is not a known kind of monitoring.");
                if (c.Monitoring != Monitoring.None && c.MonitorsFrom.IsDefaultOrEmpty)
                    Add("monitorsFrom", "must say who provides the monitors or peacekeepers.");
                if (!c.MonitorsFrom.IsDefault && c.MonitorsFrom.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 60))
                    Add("monitorsFrom", "entries must be names of 1 to 60 characters.");
                if (!Enum.IsDefined(c.Specificity)) Add("specificity", "is not a known kind of text (general or specific).");
                if (!Enum.IsDefined(c.SanctionsRelief)) Add("sanctionsRelief", "is not a known relief schedule.");
                if (c.UaForceCapThousands is < 50 or > 2000) Add("uaForceCapThousands", "must be from 50 to 2000 (thousand troops), or left out.");
                if (!c.Mediators.IsDefault && c.Mediators.Any(m => !m.IsGuarantor()))
                    Add("mediators", "can only be the United States or Europe.");
                break;
            case GuaranteeTerms g:
                if (g.Guarantors.IsDefaultOrEmpty) Add("guarantors", "must name at least one guarantor (US or EU).");
                else if (g.Guarantors.Any(r => !r.IsGuarantor())) Add("guarantors", "can only be the United States or Europe.");
                else if (g.Guarantors.Distinct().Count() != g.Guarantors.Length) Add("guarantors", "names a guarantor twice.");
                if (!Enum.IsDefined(g.LegalForm)) Add("legalForm", "is not a known legal form.");
                if (!Enum.IsDefined(g.Trigger)) Add("trigger", "is not a known trigger (automatic or consultative).");
                if (!Enum.IsDefined(g.EconomicStake)) Add("economicStake", "is not a known economic stake.");
                if (!g.Public && g.RussianConsentSought) Add("public", "a secret guarantee cannot seek Russia's consent: Russia would know of it.");
                if (!g.Public && g.LegalForm is LegalForm.RatifiedTreaty or LegalForm.CongressionalExecutive)
                    Add("public", "a treaty or congressional-executive agreement passes Congress in public: only a verbal or executive agreement can be secret.");
                if (!g.Tripwires.IsDefault)
                {
                    foreach (var t in g.Tripwires)
                    {
                        if (t is null) { Add("tripwires", "contains an empty entry."); continue; }
                        if (g.Guarantors.IsDefault || !g.Guarantors.Contains(t.Guarantor))
                            Add("tripwires", $"names {t.Guarantor}, which is not a guarantor of this guarantee.");
                        if (t.Troops is < 0 or > MaxTripwireTroops)
                            Add("tripwires", $"troops must be from 0 to {MaxTripwireTroops:N0}; {t.Troops:N0} is not possible.");
                        if (!Enum.IsDefined(t.Location)) Add("tripwires", "location must be rear or contactLine.");
                    }
                    if (g.Tripwires.Where(t => t is not null).GroupBy(t => t.Guarantor).Any(x => x.Count() > 1))
                        Add("tripwires", "can have one entry per guarantor.");
                }
                break;
            default:
                Add("kind", "must be ceasefire or guarantee.");
                break;
        }
        return problems.ToImmutable();
    }

    /// <summary>Who must accept: UA and RU (and mediators) for a ceasefire; the guarantors and UA (and RU if its consent is sought) for a guarantee.</summary>
    public static ImmutableArray<Role> Parties(AgreementTerms terms) => terms switch
    {
        CeasefireTerms c => [.. new[] { Role.UA, Role.RU }.Concat(c.Mediators.IsDefault ? [] : c.Mediators).Distinct().Order()],
        GuaranteeTerms g => [.. (g.Guarantors.IsDefault ? [] : g.Guarantors).Append(Role.UA)
            .Concat(g.RussianConsentSought ? [Role.RU] : []).Distinct().Order()],
        _ => [],
    };
}

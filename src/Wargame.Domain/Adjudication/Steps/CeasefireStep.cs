using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>What step D found besides its records: the hazard (null without a ceasefire) and whether a ceasefire collapsed.</summary>
internal sealed record CeasefireResult(StepResult Step, double? Hazard, bool Collapsed);

/// <summary>
/// Step D: the ceasefire hazard h (a human Russia chooses; bot Russia and spoilers roll against it), spoiler attacks,
/// minor incidents and their attribution, and violations detected from the orders.
/// </summary>
internal static class CeasefireStep
{
    public static CeasefireResult Run(ResolutionContext ctx, World world, double deterrence)
    {
        if (world.Ceasefire is not { } ceasefire)
            return new(StepResult.Of(world), null, false);
        var records = new List<ResolutionRecord>();
        var scores = new List<RoleScoreLine>();
        var collapsed = false;
        var c = (CeasefireTerms)ceasefire.Terms;
        var subject = $"c{ceasefire.Id}";

        void Collapse(int agreementId, Role? violator, string reason)
        {
            collapsed = true;
            world = world.Replace(agreementId, a => a with
            {
                Status = AgreementStatus.Violated,
                StatusReason = $"Turn {ctx.Turn}: {reason}.",
                Violators = violator is { } v ? a.Violators.With(v) : a.Violators,
            });
            scores.Add(Explanations.CeasefireCollapsed(ctx));
            if (violator is { } who)
                scores.Add(Explanations.CeasefireBroken(ctx, who));
        }

        var (h, terms) = Deterrence.Hazard(world, ctx.Rules, deterrence, ctx.Russia.Rearm);
        records.Add(Explanations.Hazard(ctx, ceasefire.Id, c, h, terms));

        if (world.SpoilerPressure > 0)
        {
            var p = Math.Min(1, h * world.SpoilerPressure);
            var roll = ctx.Roll(RecordKind.Spoiler, subject, p);
            records.Add(Explanations.Spoiler(ctx, ceasefire.Id, h, world.SpoilerPressure, p, roll));
            if (roll.Success)
                Collapse(ceasefire.Id, null, "collapsed after a spoiler attack");
        }

        // Minor incidents happen whatever the monitors do; monitors make attribution likely (CSIS 2025).
        var incident = ctx.Roll(RecordKind.Incident, subject, ctx.Value(MinorIncident));
        records.Add(Explanations.Incident(ctx, ceasefire.Id, incident));
        if (incident.Success)
        {
            var key = c.Monitoring switch
            {
                Monitoring.UnarmedMonitors => AttributionWithMonitors,
                Monitoring.ArmedPeacekeepers => AttributionWithPeacekeepers,
                _ => AttributionWithoutMonitors,
            };
            var attribution = ctx.Roll(RecordKind.Attribution, subject, ctx.Value(key));
            var violator = ctx.Draw("incident-violator", subject) <= Dice.ToBasisPoints(ctx.Value(IncidentRussiaShare)) ? Role.RU : Role.UA;
            if (attribution.Success)
            {
                world = world.Breach(ceasefire.Id, violator);
                scores.Add(Explanations.IncidentAttributed(ctx, violator));
            }
            records.Add(Explanations.Attribution(ctx, ceasefire.Id, c.Monitoring, key, violator, attribution));
        }

        // Violations are detected from the orders, not declared.
        var russia = ctx.Russia.Posture;
        if (world.Ceasefire is { } standing)
        {
            switch (russia)
            {
                case RussiaPosture.Probe:
                    world = world.Breach(standing.Id, Role.RU);
                    records.Add(Explanations.Violation(ctx, RecordKind.ProbeViolation, standing.Id, Role.RU, world[Role.UA].Troops));
                    break;
                case RussiaPosture.LimitedOffensive or RussiaPosture.MajorOffensive:
                    records.Add(Explanations.Violation(ctx, RecordKind.OffensiveViolation, standing.Id, Role.RU, world[Role.UA].Troops, russia));
                    Collapse(standing.Id, Role.RU, $"violated by Russia's {Explanations.Describe(russia)}");
                    break;
            }
        }
        if (world.Ceasefire is { } still && ctx.Ukraine.Posture == UkrainePosture.CounterAttack)
        {
            records.Add(Explanations.Violation(ctx, RecordKind.CounterAttackViolation, still.Id, Role.UA, world[Role.UA].Troops));
            Collapse(still.Id, Role.UA, "violated by Ukraine's counter-attack");
        }
        if (world.Ceasefire is { Terms: CeasefireTerms { UaForceCapThousands: { } cap } } capped && world[Role.UA].Troops > cap * 1000)
        {
            world = world.Breach(capped.Id, Role.UA);
            records.Add(Explanations.Violation(ctx, RecordKind.ForceCapBreach, capped.Id, Role.UA, world[Role.UA].Troops, cap: cap * 1000));
        }
        return new(StepResult.Of(world, records, scores), h, collapsed);
    }
}

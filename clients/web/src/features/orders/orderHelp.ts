// One line per order on what it does in the rules, shown under its control (the rules table has the numbers).

export const ORDER_HELP = {
  russiaPosture:
    "Comply keeps the ceasefire; a probe is a grey-zone violation; an offensive attacks and tests every guarantee that covers Ukraine.",
  rearm: "Adds troops to Russia's army, and raises the chance that a ceasefire collapses.",
  sanctionsEvasion: "Lowers the level of Western sanctions on Russia this turn.",
  ukrainePosture:
    "Hold keeps the line; fortify raises readiness; a counter-attack tries to retake ground, costs troops and breaks a ceasefire.",
  mobilise: "Adds troops to Ukraine's army, at a cost to morale and readiness.",
  troopChange: "Deploys (positive) or withdraws (negative) your troops in Ukraine; troops on the ground raise your commitment.",
  troopLocation: "On the contact line your troops act as a tripwire; in the rear they risk less and deter less.",
  sanctions: "Raise or ease Western sanctions pressure on Russia (0–10).",
  statement:
    "A public statement about one of your guarantees in force: firming it up or playing it down (as the 1950 defence-perimeter speech did) moves its commitment; adding or dropping the ambiguity clause changes its terms.",
  armsAndIntelligence: "Supplies Ukraine: raises its readiness, and so the capability behind every guarantee.",
  response: "How you answer a test of your guarantee: fight, limited help, sanctions and arms, or nothing. Backing down costs reputation.",
  seekRatification: "Asks the Senate to ratify a signed treaty-form guarantee; it takes effect only once ratified.",
  raiseSpending: "Spends Europe's budget headroom on more forces it can deploy.",
} as const;

// One line per term on what it does in the rules, shown under its control in the proposal builder.

export const TERM_HELP = {
  duration: "How many turns the agreement stays in force once signed.",
  line: "Freeze where the troops stand, or withdraw to a line named in the text.",
  dmz: "A zone without troops between the sides; any width lowers the chance the ceasefire collapses.",
  monitoring: "Monitors or peacekeepers lower the collapse chance and make it clear who violated.",
  monitorsFrom: "Who sends the monitors, as the text names them.",
  specificity: "A specific text leaves less room for dispute than a general one, so the ceasefire holds better.",
  sanctionsRelief: "When Western sanctions on Russia are to ease, as the text records it.",
  forceCap: "The most troops Ukraine may keep: more is a violation, and any cap lowers Ukraine's sovereignty score.",
  jointCommission: "A body where both sides settle incidents; lowers the collapse chance a little.",
  natoPledge: "Ukraine pledges not to join NATO: Russia scores it, Ukraine's sovereignty score pays for it.",
  prisonerExchange: "Part of the agreed text; it changes no roll.",
  mediators: "Roles that mediate; they are not parties and do not sign.",
  guarantors: "Who promises to defend Ukraine; each guarantor's credibility is computed on its own.",
  legalForm: "The firmer the form (treaty over memorandum), the higher the commitment, and the less likely a reversal at home.",
  trigger: "Automatic (Article-5-like) commits more than consultations first.",
  public:
    "Announced to every team. A secret guarantee is known to its parties only: it cannot deter a Russia that does not know of it, yet still binds its guarantors if it is tested.",
  ambiguity: "Keeps the response vague: more room for the guarantor, less commitment in Russia's eyes.",
  tripwires: "Guarantor troops in Ukraine: they raise commitment and capability, most on the contact line.",
  economicStake: "A minerals deal or assets on site give the guarantor something to lose, raising its commitment.",
  armsAndIntelligence: "Promised support that raises Ukraine's readiness and so the guarantee's capability.",
  russianConsent: "Seeking Russia's consent lowers the chance that a ceasefire collapses; without it the chance rises.",
} as const;

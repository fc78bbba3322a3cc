import type { DeadlinePresets, Phase } from "../../api/types";

/** The preset of <phase> in seconds, null for none. */
export function presetOf(presets: DeadlinePresets, phase: Phase): number | null {
  const key = phase.toLowerCase() as keyof DeadlinePresets;
  return presets[key] ?? null;
}

export function withPreset(presets: DeadlinePresets, phase: Phase, seconds: number | null): DeadlinePresets {
  return { ...presets, [phase.toLowerCase()]: seconds };
}

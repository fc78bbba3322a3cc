import { useCallback, useState } from "react";
import type { CommandResult } from "../api/types";

/**
 * State of one control's server action: busy while it runs, and the server's refusal (or the success note), shown
 * right next to the control that caused it.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<CommandResult | void>, success?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await action();
      if (result && !result.accepted) {
        setError(result.message ?? `Refused (${result.code ?? "no reason given"}).`);
        return false;
      }
      // Accepted with a part left out (an order's invalid part): the server's note names it, in place of the success note.
      if (result && result.accepted && result.message) setDone(result.message);
      else if (success) setDone(success);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);
  return { busy, error, done, run, clear };
}

export type Action = ReturnType<typeof useAction>;

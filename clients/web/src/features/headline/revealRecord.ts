/**
 * Opens the explanation of one resolution record wherever it is on the page (and every fold around it), scrolls
 * it into view and moves the focus there. False when the page does not show that record.
 */
export function revealRecord(id: string, root: ParentNode = document): boolean {
  const record = root.querySelector<HTMLDetailsElement>(`[data-record-id="${CSS.escape(id)}"]`);
  if (!record) return false;
  for (let fold: HTMLElement | null = record; fold; fold = fold.parentElement) {
    if (fold instanceof HTMLDetailsElement) fold.open = true;
  }
  record.scrollIntoView({ block: "center" });
  const summary = record.querySelector("summary");
  summary?.focus();
  record.classList.add("highlighted");
  window.setTimeout(() => record.classList.remove("highlighted"), 2500);
  return true;
}

/** Reveals a record after the tab holding it has rendered (the next frame). */
export function revealRecordSoon(id: string): void {
  window.requestAnimationFrame(() => revealRecord(id));
}

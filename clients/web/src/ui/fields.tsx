import { useId, type ReactNode } from "react";
import { humanize } from "./format";

export function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="hint">{hint}</small> : null}
    </div>
  );
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  names,
  hint,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
  names?: Partial<Record<T, string>>;
  /** One line on what the choice does in the rules. */
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {names?.[o] ?? humanize(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  /** One line on what ticking it does in the rules. */
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small className="hint" id={`${id}-hint`}>
          {hint}
        </small>
      ) : null}
    </div>
  );
}

interface NumberFieldProps<T> {
  label: string;
  value: T;
  onChange: (v: T) => void;
  min?: number;
  max?: number;
  step?: number | "any";
  hint?: string;
  required?: boolean;
}

/** A number; cleared, it reads as 0. */
export function NumberInput({ value, onChange, ...field }: NumberFieldProps<number>) {
  return <OptionalNumber {...field} value={Number.isFinite(value) ? value : null} onChange={(v) => onChange(v ?? 0)} />;
}

/** A number that may be left empty (no cap, no end date): empty is null. */
export function OptionalNumber({ label, hint, value, min, max, step, onChange, required }: NumberFieldProps<number | null>) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={step}
          value={value ?? ""}
          required={required}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

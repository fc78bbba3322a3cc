import { useState } from "react";
import type { Role } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";
import { channelKey } from "./channels";

/** Opens a channel with two or more other roles. */
export function NewGroup({ me, onCreate }: { me: Role; onCreate: (key: string) => void }) {
  const [picked, setPicked] = useState<Role[]>([]);
  const others = ROLES.filter((r) => r !== me);
  return (
    <fieldset className="new-group">
      <legend>New group channel</legend>
      {others.map((r) => (
        <label key={r} className="inline">
          <input
            type="checkbox"
            checked={picked.includes(r)}
            onChange={(e) => setPicked(e.target.checked ? [...picked, r] : picked.filter((p) => p !== r))}
          />
          {ROLE_NAMES[r]}
        </label>
      ))}
      <button
        type="button"
        disabled={picked.length < 2}
        onClick={() => {
          onCreate(channelKey([me, ...picked]));
          setPicked([]);
        }}
      >
        Open group
      </button>
    </fieldset>
  );
}

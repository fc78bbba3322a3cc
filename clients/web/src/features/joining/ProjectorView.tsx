import { useEffect } from "react";
import type { CreatedGame, SeatView } from "../../api/types";
import { seatGroups } from "../seats/SeatsTable";
import type { JoinAddress } from "./joinAddress";
import { joinEntries } from "./JoinPanel";
import { joinLink } from "./joinAddress";
import { QrCode } from "./QrCode";

/**
 * For the room's projector: the address, each team's code with a large QR code, and who has joined, updating live.
 * Covers the whole window (and the screen where the browser allows); Escape or the button closes it.
 */
export function ProjectorView({
  game,
  seats,
  address,
  onClose,
}: {
  game: CreatedGame;
  seats: SeatView[];
  address: JoinAddress;
  onClose: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const joined = new Map(seatGroups(seats));
  return (
    <div className="projector" role="dialog" aria-modal="true" aria-label="Projector view" data-testid="projector">
      <button className="secondary close" onClick={onClose} autoFocus>
        Close projector view
      </button>
      <h1>
        Open <span className="address">{address.url}</span> and enter your team's code
      </h1>
      <div className="projector-codes">
        {joinEntries(game).map((e) => {
          const who = joined.get(e.name) ?? [];
          return (
            <section key={e.key} aria-label={e.name}>
              <h2>{e.name}</h2>
              <code className="big-code">{e.code}</code>
              <QrCode text={joinLink(address.url, e.code)} label={`QR code to join as ${e.name}`} size={200} />
              <p className="joined" data-testid={`joined-${e.key}`}>
                {who.length === 0 ? "Nobody yet" : who.map((s) => s.displayName || "(unnamed)").join(", ")}
              </p>
            </section>
          );
        })}
      </div>
    </div>
  );
}

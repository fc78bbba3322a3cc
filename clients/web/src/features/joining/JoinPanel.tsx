import type { ReactNode } from "react";
import type { CreatedGame, Role } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import type { JoinAddress } from "./joinAddress";
import { joinLink } from "./joinAddress";
import { QrCode } from "./QrCode";

/** The codes to hand out: each with its role and a QR code that opens the join page with the code filled in. */
export function joinEntries(game: CreatedGame): { key: string; name: string; code: string }[] {
  const roles = Object.entries(game.joinCodes).map(([role, code]) => ({ key: role, name: ROLE_NAMES[role as Role] ?? role, code }));
  return game.observerCode ? [...roles, { key: "observer", name: "Observers", code: game.observerCode }] : roles;
}

/** Where students go, and what to do when they cannot get there yet. */
export function JoinAddressNote({ address }: { address: JoinAddress }) {
  return (
    <div className="join-address">
      <p>
        Students open <strong data-testid="join-address">{address.url}</strong> on their own laptop or phone and type their team's code (or
        scan its QR code).
      </p>
      {address.others.length > 0 ? <p className="hint">This computer also answers at {address.others.join(", ")}.</p> : null}
      {address.loopbackOnly ? (
        <p className="alert" role="note" data-testid="loopback-warning">
          This server listens on this computer only, so other machines cannot reach it. Restart it listening on the network:{" "}
          <code>dotnet run --project src/Wargame.Server -- --urls http://0.0.0.0:5000</code>, then open this page again.
        </p>
      ) : null}
    </div>
  );
}

/** The join codes as a table with a QR code beside each; <paramref name="actions"/> adds a cell per code (the lobby's "New code"). */
export function JoinCodes({
  game,
  address,
  qrSize = 120,
  actions,
}: {
  game: CreatedGame;
  address: JoinAddress;
  qrSize?: number;
  actions?: (entry: { key: string; name: string }) => ReactNode;
}) {
  return (
    <table className="codes" data-testid="join-codes">
      <tbody>
        {joinEntries(game).map((e) => (
          <tr key={e.key}>
            <th scope="row">{e.name}</th>
            <td>
              <code data-role={e.key}>{e.code}</code>
            </td>
            <td>
              <QrCode text={joinLink(address.url, e.code)} label={`QR code to join as ${e.name}`} size={qrSize} />
            </td>
            {actions ? <td>{actions(e)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

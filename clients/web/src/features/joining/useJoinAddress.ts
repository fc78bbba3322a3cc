import { useEffect, useState } from "react";
import { api } from "../../api/rest";
import type { JoinAddresses } from "../../api/types";
import { joinAddressOf, type JoinAddress } from "./joinAddress";

/** The address students should open, asked once from the server (which knows the addresses it listens on). */
export function useJoinAddress(): JoinAddress {
  const [server, setServer] = useState<JoinAddresses | null>(null);
  useEffect(() => {
    let current = true;
    api
      .joinAddresses()
      .then((a) => {
        if (current) setServer(a);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return joinAddressOf(window.location.origin, server);
}

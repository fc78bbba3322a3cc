import { describe, expect, it } from "vitest";
import { joinAddressOf, joinLink } from "./joinAddress";

describe("joinAddressOf", () => {
  it("offers the server's network address to a facilitator on localhost", () => {
    expect(
      joinAddressOf("http://localhost:5000", { urls: ["http://192.168.1.20:5000", "http://10.0.0.4:5000"], loopbackOnly: false }),
    ).toEqual({
      url: "http://192.168.1.20:5000",
      others: ["http://10.0.0.4:5000"],
      loopbackOnly: false,
    });
  });

  it("keeps the page's own origin when the facilitator came over the network", () => {
    expect(joinAddressOf("http://192.168.1.20:5000", { urls: ["http://192.168.1.20:5000"], loopbackOnly: false }).url).toBe(
      "http://192.168.1.20:5000",
    );
  });

  it("warns when the server listens on this computer only", () => {
    expect(joinAddressOf("http://127.0.0.1:5000", { urls: [], loopbackOnly: true })).toEqual({
      url: "http://127.0.0.1:5000",
      others: [],
      loopbackOnly: true,
    });
  });

  it("puts the code into the link the QR code carries", () => {
    expect(joinLink("http://192.168.1.20:5000", "AB12 CD")).toBe("http://192.168.1.20:5000/#/join/AB12%20CD");
  });
});

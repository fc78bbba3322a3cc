import { defineConfig } from "vitest/config";

// Unit tests of the client's logic (no DOM): the browser tests in tests/Wargame.Web.Tests cover the screens.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"] },
});

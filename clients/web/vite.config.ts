import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built into the server's static files; `npm run dev` proxies the API and hub to a running server.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "../../src/Wargame.Server/wwwroot",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    // Stable names: the server build lists wwwroot files when MSBuild evaluates, before npm runs.
    rollupOptions: {
      output: {
        entryFileNames: "assets/app.js",
        chunkFileNames: "assets/[name].js",
        assetFileNames: "assets/[name][extname]",
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:5000",
      "/hubs": { target: "http://127.0.0.1:5000", ws: true },
    },
  },
});

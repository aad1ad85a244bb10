import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The host serves the built files under /designer/, so every asset path is relative to the page.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { outDir: "dist", chunkSizeWarningLimit: 5000 },
  test: { include: ["src/**/*.test.ts"] },
});

// Vite build of the web UI: web/ is the root, output in web/dist, /api proxied to the server in dev.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

const REACT = /node_modules\/(react|react-dom|react-router|react-router-dom|scheduler)\//;
const ECHARTS = /node_modules\/(echarts|zrender)\//;
/**
 * The antd modules the app shell (layout, menu, header, page states) uses. Only these are pinned to
 * the "antd" chunk and their dependencies follow them; everything else antd has (Table, DatePicker,
 * Form …) stays with the lazy routes that import it. Pinning all of antd made one 1 MB chunk.
 */
const ANTD_SHELL = new RegExp(
  "node_modules/(antd/(es|lib)/(app|config-provider|layout|menu|select|button|space|tag|typography|" +
    "result|spin|message|notification|theme|style|locale|_util)/|antd/locale/|@ant-design/|dayjs/)",
);

/** Vendor chunk of a module: react, echarts (dashboard only) or the shell's part of antd. */
function vendorChunk(id: string): string | undefined {
  if (REACT.test(id)) return "react";
  if (ECHARTS.test(id)) return "echarts";
  if (ANTD_SHELL.test(id)) return "antd";
  return undefined;
}

/** Build and dev-server settings of the web UI. */
export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    // Three pages: the signed-in app (index.html), the public message board (board.html, /board) and the
    // duty-room wall display (wall.html, /wall).
    rollupOptions: { input: { main: `${root}index.html`, board: `${root}board.html`, wall: `${root}wall.html` }, output: { manualChunks: vendorChunk } },
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000" } },
  },
});

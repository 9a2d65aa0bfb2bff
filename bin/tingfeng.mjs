#!/usr/bin/env node
// Entry point for `npx tingfeng` and `npm start`: runs the TypeScript sources through tsx,
// so a fresh `npm ci` needs no server build step.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
